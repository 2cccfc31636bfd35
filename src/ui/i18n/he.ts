/** עברית. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'אנחנו משתמשים בעוגיות',
  text: 'אנחנו משתמשים בעוגיות כדי שהאתר יפעל, ובהסכמתך גם לניתוח נתונים ולשיווק. אפשר לשנות את הבחירה בכל עת.',
  updated: 'מדיניות העוגיות שלנו השתנתה. נא לבחור מחדש.',
  privacyPolicy: 'מדיניות פרטיות',
  acceptAll: 'אישור הכול',
  rejectAll: 'דחיית הכול',
  manage: 'ניהול העדפות',
  prefsTitle: 'העדפות עוגיות',
  prefsText: 'אפשר לבחור באילו עוגיות נוכל להשתמש. עוגיות הכרחיות פעילות תמיד.',
  save: 'שמירת העדפות',
  close: 'סגירה',
  settings: 'הגדרות עוגיות',
  privacyChoices: 'בחירות הפרטיות שלך',
  gpc: 'אנחנו מכבדים את אות Global Privacy Control שהדפדפן שלך שולח: קטגוריות שמוכרות או משתפות את המידע שלך יישארו כבויות כל עוד לא הפעלת אותן כאן.',
  gpcConflict:
    'הדפדפן שלך שולח Global Privacy Control, ולכן ההסכמה שנתת קודם לקטגוריות שמוכרות או משתפות את המידע שלך נחשבת כמבוטלת. אפשר להפעיל אותן שוב כאן במפורש.',
  alwaysOn: 'פעילות תמיד',
  partly: 'מותרות חלקית',
  consentId: 'מזהה ההסכמה שלך',
  decidedOn: 'נבחר בתאריך',
  details: 'שירותים ועוגיות',
  name: 'שם',
  provider: 'ספק',
  purpose: 'מטרה',
  lifetime: 'תוקף',
  necessary: 'הכרחיות',
  necessaryText: 'נדרשות לפעולת האתר, למשל להתחברות, לאבטחה ולשמירת הבחירה הזו.',
  preferences: 'העדפות',
  preferencesText: 'זוכרות את ההגדרות שלך, למשל שפה.',
  analytics: 'ניתוח נתונים',
  analyticsText: 'מודדות את השימוש באתר כדי שנוכל לשפר אותו.',
  marketing: 'שיווק',
  marketingText: 'מציגות פרסומות רלוונטיות ומודדות קמפיינים.',
};
export default strings;
