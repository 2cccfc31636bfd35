/**
 * The rule in `data-consent`: category keys separated by spaces or commas, all of
 * which must hold; `!key` holds when that category was refused in a valid decision.
 */
export interface Rule {
  need: string[];
  refused: string[];
}

export function parseRule(value: string | null): Rule {
  const rule: Rule = { need: [], refused: [] };
  for (const token of (value || '').split(/[\s,]+/)) {
    if (!token) continue;
    if (token[0] === '!') rule.refused.push(token.slice(1));
    else rule.need.push(token);
  }
  return rule;
}
