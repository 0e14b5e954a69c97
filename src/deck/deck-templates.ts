// Compile the deck's Handlebars templates: a layout, the deck stylesheet and one partial per file in partials/.
import Handlebars from 'handlebars';
import { registerLabelHelper } from '../labels/label-helper.ts';
import { templateNamesIn, templateText, type TemplateFiles } from '../shared/template-files.ts';

export interface DeckTemplates {
  layout: Handlebars.TemplateDelegate;
  /** The deck's own stylesheet, copied beside it. */
  styles: string;
}

export function deckTemplates(templates: TemplateFiles): DeckTemplates {
  const read = (name: string) => {
    const text = templateText(templates, `deck/${name}`);
    if (text === undefined) throw new Error(`The deck template ${name} is missing from the templates.`);
    return text;
  };
  const handlebars = Handlebars.create();
  registerLabelHelper(handlebars);
  for (const name of templateNamesIn(templates, 'deck/partials').filter((file) => file.endsWith('.hbs')))
    handlebars.registerPartial(name.replace(/\.hbs$/, ''), read(`partials/${name}`));
  return { layout: handlebars.compile(read('layout.hbs')), styles: read('lectern.css') };
}
