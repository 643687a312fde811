import type { EventView } from '../../../shared/contract/openweek-views';
import { fakeCloud, type CloudAnswer } from './cloud';

const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

/** An event as `openweek.getEvent` answers it: starting in three days, signups open now, `seatsLeft` of 2 left. */
export function eventView(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'evt-1',
    type: 'siteVisit',
    title: '公交调度中心开放日',
    coverUrl: null,
    startAt: iso(72 * HOUR),
    endAt: iso(75 * HOUR),
    address: '岳阳市岳阳楼区公交调度中心',
    collectiveId: 'acc-collective',
    collectiveName: '岳阳市公交一路青年班组',
    capacity: 2,
    seatsLeft: 2,
    waiting: 0,
    status: 'published',
    signupOpensAt: iso(-HOUR),
    signupClosesAt: iso(48 * HOUR),
    description: '走进公交调度中心，了解一辆公交车的一天。',
    place: { address: '岳阳市岳阳楼区公交调度中心', lat: null, lng: null },
    requiresApproval: false,
    cancelHoursBefore: 24,
    askPhone: true,
    extraQuestion: null,
    campaignId: 'c1',
    campaignName: '2017—2018年度岳阳市青年文明号',
    unitId: 'u1',
    summary: null,
    summaryPhotos: [],
    ...overrides,
  };
}

/** The cloud for the event page: nobody signed in; `getEvent` answers this event and no signup of the visitor. */
export function eventCloud(event: EventView): CloudAnswer {
  return fakeCloud({ 'openweek.getEvent': { event, mySignup: null } });
}

export const EVENT_PAGE = 'events/detail';
export const HOURS = HOUR;
