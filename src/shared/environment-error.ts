// A problem with the command, config or machine (not a lesson, not a bug): shown as one line, exit code 1.
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}
