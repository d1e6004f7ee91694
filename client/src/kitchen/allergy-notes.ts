/**
 * Whether a free-text note ("NUT ALLERGY", "coeliac", "no gluten") is about an
 * allergy, so the board can show it like an allergen, not like "extra crispy".
 * Biased to safety: a note that mentions an allergy trigger word counts, even
 * amid other requests. Preferences ("vegan", "no onions") do not. Pure; English.
 */

/** Phrases that say there is no allergy; removed before the triggers are looked for. */
const NO_ALLERGY = /\b(?:not|no|non)[\s-]+(?:an?\s+)?allerg\w*/g;

const TRIGGERS: readonly RegExp[] = [
  /\ballerg(?:y|ies|ic|en|ens)\b/, // "nut allergy", "allergic to fish", "allergies"
  /\bc(?:o)?eliacs?\b/, // coeliac, celiac
  /\bno\s+gluten\b/,
  /\bgluten[\s-]*free\b/,
  /\bdairy[\s-]*free\b/,
  /\blactose\b/,
  /\bintoleran(?:t|ce)\b/, // "gluten intolerant", "lactose intolerance"
  /\bnuts?\b/, // "nut", "no nuts", "tree nut", "nut-free"
  /\bpeanuts?\b/,
  /\bshellfish\b/,
  /\banaphyla/, // anaphylaxis, anaphylactic
  /\bepi[\s-]?pens?\b/,
];

export function isAllergyNote(note: string | null | undefined): boolean {
  if (!note) return false;
  const text = note.toLowerCase().replace(NO_ALLERGY, ' ');
  return TRIGGERS.some((trigger) => trigger.test(text));
}
