// Type tests (vitest typecheck): the public config and event payload types, as an
// application sees them through the two npm entries.
import { describe, expectTypeOf, test } from 'vitest';
import type {
  CategoryConfig,
  Config,
  ConsentChange,
  ConsentEvents,
  ConsentInstance,
  ConsentMethod,
  ConsentReceipt,
  ConsentSnapshot,
  ConsentWithdrawal,
  CookieOptions,
  RegionRule,
  LanguageEvent,
  ServiceConfig,
  UiOptions,
  ViewEvent,
} from '../src/index';
import type * as core from '../src/core-entry';
import type { OptionSchema } from '../src/core/config';

describe('Config', () => {
  test('only categories is required', () => {
    expectTypeOf({ categories: { necessary: { required: true }, analytics: {} } }).toExtend<Config>();
    expectTypeOf({ revision: '2023-12-04' }).not.toExtend<Config>();
  });

  test('the README example is a Config', () => {
    const config = {
      revision: '2023-12-04',
      privacyPolicyUrl: '/privacy',
      categories: { necessary: { required: true }, analytics: {}, marketing: {} },
      services: { ga4: { category: 'analytics', cookies: ['_ga', /^_ga_/] } },
      googleConsentMode: true,
    } satisfies Config;
    expectTypeOf(config).toExtend<Config>();
  });

  test('an unknown option or a wrong value is a type error', () => {
    // @ts-expect-error colour is not an option
    const unknownOption: Config = { categories: {}, colour: 'red' };
    // @ts-expect-error storage is one of three words
    const wrongStorage: Config = { categories: {}, storage: 'sessionStorage' };
    expectTypeOf(unknownOption).toEqualTypeOf(wrongStorage);
  });

  test('ui is UiOptions, the same type from both entries', () => {
    expectTypeOf<Config['ui']>().toEqualTypeOf<UiOptions | undefined>();
    expectTypeOf<core.UiOptions>().toEqualTypeOf<UiOptions>();
    expectTypeOf<UiOptions['layout']>().toEqualTypeOf<'box' | 'bar' | 'cloud' | undefined>();
    expectTypeOf<UiOptions['floatingButton']>().toEqualTypeOf<boolean | 'left' | 'right' | undefined>();
    // @ts-expect-error there is no grid layout
    const grid: Config = { categories: {}, ui: { layout: 'grid' } };
    expectTypeOf(grid).toExtend<Config>();
  });

  test('a service is an object with a category, or a preset name', () => {
    expectTypeOf<'google-analytics'>().toExtend<NonNullable<Config['services']>[string]>();
    expectTypeOf<{ title: 'Google Analytics' }>().not.toExtend<ServiceConfig>();
    expectTypeOf<CategoryConfig>().toEqualTypeOf<core.CategoryConfig>();
  });
});

describe('config schema', () => {
  test('a schema must name every option, and only options', () => {
    const rule = { isValid: () => true, expected: '' };
    const complete: OptionSchema<CookieOptions> = { name: rule, domain: rule, path: rule, sameSite: rule, secure: rule, expiresDays: rule };
    // @ts-expect-error expiresDays is missing
    const missing: OptionSchema<CookieOptions> = { name: rule, domain: rule, path: rule, sameSite: rule, secure: rule };
    // @ts-expect-error maxAge is not a CookieOptions field
    const extra: OptionSchema<CookieOptions> = { ...complete, maxAge: rule };
    expectTypeOf(missing).toEqualTypeOf(extra);
  });

  test('a fallback has the option type', () => {
    // @ts-expect-error expiresDays falls back to a number
    const wrongFallback: OptionSchema<Pick<CookieOptions, 'expiresDays'>> = { expiresDays: { isValid: () => true, expected: '', fallback: '182' } };
    expectTypeOf(wrongFallback).toHaveProperty('expiresDays');
  });
});

describe('event payloads', () => {
  test('each event names its payload', () => {
    expectTypeOf<ConsentEvents>().toEqualTypeOf<{
      ready: ConsentSnapshot;
      consent: ConsentSnapshot;
      change: ConsentChange;
      record: ConsentReceipt;
      show: ViewEvent;
      hide: ViewEvent;
      language: LanguageEvent;
      withdraw: ConsentWithdrawal;
    }>();
  });

  test('on() hands the listener the payload of its event', () => {
    const listen = (instance: ConsentInstance) => {
      instance.on('record', (receipt) => expectTypeOf(receipt).toEqualTypeOf<ConsentReceipt>());
      instance.on('change', (change) => expectTypeOf(change.changed).toEqualTypeOf<{ categories: string[]; services: string[] }>());
      instance.on('show', ({ view }) => expectTypeOf(view).toEqualTypeOf<'banner' | 'preferences'>());
      instance.on('language', ({ language }) => expectTypeOf(language).toEqualTypeOf<string>());
      // @ts-expect-error there is no "saved" event
      instance.on('saved', () => {});
    };
    expectTypeOf(listen).parameter(0).toEqualTypeOf<ConsentInstance>();
  });

  test('a receipt carries what the consent log stores', () => {
    expectTypeOf<ConsentReceipt>().toEqualTypeOf<{
      id: string;
      timestamp: string;
      revision: string;
      method: ConsentMethod;
      categories: { [key: string]: boolean };
      services: { [key: string]: boolean };
      gpc: boolean;
      language: string;
      url: string;
      region: string;
      rule: RegionRule;
    }>();
    expectTypeOf<RegionRule>().toEqualTypeOf<'opt-in' | 'opt-out' | 'notice' | 'none'>();
    expectTypeOf<ConsentMethod>().toEqualTypeOf<'accept_all' | 'reject_all' | 'custom'>();
  });

  test('a change is a snapshot plus what changed', () => {
    expectTypeOf<ConsentChange>().toExtend<ConsentSnapshot>();
    expectTypeOf<ConsentSnapshot['decided']>().toEqualTypeOf<boolean>();
    expectTypeOf<ConsentSnapshot['expires']>().toEqualTypeOf<string>();
    expectTypeOf<core.ConsentEvents>().toEqualTypeOf<ConsentEvents>();
  });
});
