import type { NormalizedConfig } from '../types';
import type { ConsentRule } from './parse-rule';

/** What a rule is checked against. Each answer is undefined for a key the config does not declare. */
export interface ConsentAnswers {
  /** Whether the category is granted now. */
  categoryGranted(key: string): boolean | undefined;
  /** Whether the service is granted now (on its own or with its category). */
  serviceGranted(key: string): boolean | undefined;
  /** The category the service belongs to. */
  categoryOfService(key: string): string | undefined;
  /** A valid, complete decision exists (what a `!category` condition needs). */
  decided(): boolean;
}

/** The consent state that `answersFrom` reads: a snapshot, or the state the core applied last. */
export interface ConsentFacts {
  categories: { [key: string]: boolean };
  services: { [key: string]: boolean };
  decided: boolean;
}

/**
 * Answers from the declared categories and services and the consent state `facts()` returns
 * when asked (so the core's answers follow its state without being rebuilt).
 */
export function answersFrom(config: Pick<NormalizedConfig, 'categories' | 'services'>, facts: () => ConsentFacts): ConsentAnswers {
  const findCategory = (key: string) => config.categories.find((category) => category.key === key);
  const findService = (key: string) => config.services.find((service) => service.key === key);
  return {
    categoryGranted: (key) => (findCategory(key) ? facts().categories[key] === true : undefined),
    serviceGranted: (key) => (findService(key) ? facts().services[key] === true : undefined),
    categoryOfService: (key) => findService(key)?.category,
    decided: () => facts().decided,
  };
}

/** A key a rule names that the config does not declare. */
export interface UnknownKey {
  kind: 'category' | 'service';
  key: string;
}

/** The keys of `rule` that name no declared category or service (an element naming one never runs). */
export function unknownKeys(rule: ConsentRule, answers: ConsentAnswers): UnknownKey[] {
  const unknown: UnknownKey[] = [...rule.granted, ...rule.refused]
    .filter((key) => answers.categoryGranted(key) === undefined)
    .map((key) => ({ kind: 'category', key }));
  if (rule.service && answers.serviceGranted(rule.service) === undefined) unknown.push({ kind: 'service', key: rule.service });
  return unknown;
}

/**
 * Whether a gated element may run or load now:
 * - a rule naming no category never holds, nor one naming an unknown key;
 * - without `data-service`, each category listed must be granted, and each `!category`
 *   refused in a valid decision (before any decision nothing is refused yet, only not granted);
 * - with `data-service="x"`, service x must be granted, and every category listed other than
 *   x's own granted: a service the visitor allowed on its own ("Always allow YouTube") runs
 *   although its category is refused. `!category` conditions always count.
 */
export function ruleHolds(rule: ConsentRule, answers: ConsentAnswers): boolean {
  // Unknown keys need no check of their own: an unknown service is not granted, and an
  // unknown category neither granted nor refused (nor any service's own category).
  if (!rule.granted.length && !rule.refused.length) return false;
  if (rule.service && !answers.serviceGranted(rule.service)) return false;
  const ownCategory = rule.service ? answers.categoryOfService(rule.service) : undefined;
  return (
    rule.granted.every((key) => key === ownCategory || answers.categoryGranted(key) === true) &&
    rule.refused.every((key) => answers.categoryGranted(key) === false && answers.decided())
  );
}
