// @ts-check
// Which button names mean "accept all" and "reject all", in the four languages the issue names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionStrength } from '../lib/consent-actions.js';

test('"accept all" wordings in English, German, French and Spanish are the strongest accept', () => {
  for (const name of ['Accept all', 'Accept all cookies', 'ALLOW ALL', 'Alle akzeptieren', 'Alle Cookies akzeptieren', 'Alle zulassen', 'Tout accepter', 'Accepter et fermer', 'Aceptar todo', 'Aceptar todas las cookies', '  Accept   all. ']) {
    assert.equal(decisionStrength(name, 'accept'), 0, name);
  }
});

test('a bare accept is a weaker match, tried after "accept all"', () => {
  for (const name of ['Accept', 'I agree', 'Akzeptieren', 'Einverstanden', "J'accepte", 'J’accepte', 'Aceptar', 'Got it']) {
    assert.equal(decisionStrength(name, 'accept'), 1, name);
  }
});

test('"reject all" wordings, necessary-only buttons included', () => {
  for (const name of ['Reject all', 'Decline all', 'Only necessary', 'Use necessary cookies only', 'Necessary cookies only', 'Continue without accepting', 'Alle ablehnen', 'Nur notwendige Cookies', 'Tout refuser', 'Continuer sans accepter', 'Rechazar todo', 'Solo necesarias']) {
    assert.equal(decisionStrength(name, 'reject'), 0, name);
  }
  for (const name of ['Reject', 'Decline', 'Ablehnen', 'Refuser', 'Rechazar', 'No thanks']) assert.equal(decisionStrength(name, 'reject'), 1, name);
});

test('names that only contain the words do not count: the whole name must mean it', () => {
  for (const name of ['Reject all', 'Accept selection', 'Manage preferences', 'Accept the terms of service and continue to checkout', 'Cookie settings', 'Read about how we accept payments']) {
    assert.equal(decisionStrength(name, 'accept'), -1, name);
  }
  for (const name of ['Accept all', 'Manage preferences', 'Rejected items', 'Save preferences']) assert.equal(decisionStrength(name, 'reject'), -1, name);
});
