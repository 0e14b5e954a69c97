// Before each test file: the pipeline runs in Node, as the command runs it (Lectern's files from disk, MathJax loaded).
import { loadMath } from '../../src/math/tex-to-svg.ts';
import { useNodeLecternFiles } from '../../src/node/node-lectern-files.ts';

useNodeLecternFiles();
await loadMath();
