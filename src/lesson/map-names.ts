// The countries of a lesson's maps named in the lesson's language: `Netherlands` or `NL` is "Pays-Bas" on a French map
// and "オランダ" on a Japanese one. Places and labels are the lesson's own words and stay as written. A map with no
// caption of its own is captioned in the lesson's language ("Carte : Asie de l'Est").
import { label } from '../labels/lesson-labels.ts';
import { countryNameIn } from './geography/countries.ts';
import { regionInWords } from './geography/map-layout.ts';
import { lessonLanguage } from './lesson-language.ts';
import type { Lesson } from './model.ts';

export function nameCountriesInLanguage(lesson: Lesson): void {
  const maps = lesson.slides.flatMap((slide) => slide.parts.flatMap((part) => (part.kind === 'map' ? [part] : [])));
  if (maps.length === 0) return;
  const lang = lessonLanguage(lesson);
  // New objects: the countries found are shared by every lesson that names them.
  for (const map of maps) {
    if (map.caption === '')
      map.caption = map.region.name
        ? label(lesson.labels, 'map.caption', { region: regionInWords(map.region, lesson.labels) })
        : label(lesson.labels, 'map.untitled');
    for (const shade of map.shades)
      shade.countries = shade.countries.map((country) => ({ ...country, name: countryNameIn(country.key, lang) ?? country.name }));
  }
}
