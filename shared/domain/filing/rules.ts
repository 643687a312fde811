import type { FilingWindow } from './window';

/**
 * A campaign's rules, configured by the office, because they differ by place and year.
 * Defaults for the basic conditions come from a 2018 provincial notice under the 2016 rules.
 */
export interface BasicConditions {
  minMembers: number;
  maxMembers: number;
  /** Share of members aged 35 or under, 0–1. */
  minShareUnder35: number;
  maxLeaderAge: number;
}

export const DEFAULT_CONDITIONS: BasicConditions = { minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40 };

export const TITLE_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = { national: '全国', provincial: '省级', city: '市级', county: '县（区）级' };
export const TITLE_KINDS = ['named', 'recertified'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];
export const TITLE_KIND_LABELS: Record<TitleKind, string> = { named: '命名', recertified: '复核认定' };

export interface PriorTitle {
  level: TitleLevel;
  year: number;
  kind: TitleKind;
}

/**
 * Who may file. `priorTitle` is the national notice's rule: the collective held the national title
 * before the cutoff, or the latest provincial title or its recertification (a provincial title or
 * recertification in `provincialSinceYear` or later) before the cutoff. Titles carry a year only, so
 * "before the cutoff" means a year no later than the cutoff's year.
 */
export type Eligibility = { kind: 'none' } | { kind: 'priorTitle'; titleBefore: string; provincialSinceYear: number };

export interface CampaignRules {
  window: FilingWindow;
  conditions: BasicConditions;
  eligibility: Eligibility;
  /** Days before the close when collectives with unfinished drafts are reminded. */
  reminderDaysBefore: number;
  /** A unit's target of collectives filing is this multiple of its quota base (issue #14; 10 in the national notice). */
  targetMultiplier: number;
}

/** The national 2017—2018 rules, from 青文字〔2017〕1号. */
export const NATIONAL_2017_2018_RULES: CampaignRules = {
  window: { opens: '2015-10-01', closesBefore: '2017-09-30' },
  conditions: DEFAULT_CONDITIONS,
  eligibility: { kind: 'priorTitle', titleBefore: '2017-09-30', provincialSinceYear: 2016 },
  reminderDaysBefore: 3,
  targetMultiplier: 10,
};

/** The Yueyang 2017—2018 rules, from 岳青工委〔2018〕1号: the list is due before 2019-01-20. */
export const YUEYANG_2017_2018_RULES: CampaignRules = {
  window: { opens: '2018-11-13', closesBefore: '2019-01-20' },
  conditions: DEFAULT_CONDITIONS,
  eligibility: { kind: 'none' },
  reminderDaysBefore: 3,
  targetMultiplier: 10,
};
