/// <reference types="@tarojs/taro" />

declare module '*.css';

/** CloudBase environment id injected at build time (`CLOUDBASE_ENV=…`); empty for the DevTools' current one. */
declare const CLOUDBASE_ENV: string;

/** Subscribe-message template id of the open-week reminder (`OPENWEEK_REMINDER_TEMPLATE=…` at build time). */
declare const OPENWEEK_REMINDER_TEMPLATE: string;

/**
 * Subscribe-message template ids asked with the reminder at signup: the waitlist promotion
 * (`OPENWEEK_PROMOTION_TEMPLATE=…`) and 活动变更, which the cancellation and the approval decision share
 * (`OPENWEEK_CHANGE_TEMPLATE=…`).
 */
declare const OPENWEEK_PROMOTION_TEMPLATE: string;
declare const OPENWEEK_CHANGE_TEMPLATE: string;

/** Subscribe-message template ids of filing decisions and the filing reminder (`FILING_DECISION_TEMPLATE=…`, `FILING_REMINDER_TEMPLATE=…`). */
declare const FILING_DECISION_TEMPLATE: string;
declare const FILING_REMINDER_TEMPLATE: string;

/** Subscribe-message template id of guidance on a creation-log entry (`CREATIONLOG_GUIDANCE_TEMPLATE=…`). */
declare const CREATIONLOG_GUIDANCE_TEMPLATE: string;

/** Subscribe-message template id of 差评 and complaint escalations to admins (`EVALUATION_ESCALATION_TEMPLATE=…`). */
declare const EVALUATION_ESCALATION_TEMPLATE: string;

// The root tsconfig checks client and server code together, so this stays optional (no burden on Node code).
declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for; replaced at build time, so the other platform's branch is dropped. */
    TARO_ENV?: 'weapp' | 'h5';
  }
}
