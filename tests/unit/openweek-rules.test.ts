import {
  attendanceRate,
  canCancelAt,
  canMove,
  capacityAllowed,
  checkInWindowPhase,
  EVENT_STATUS_RULES,
  maskName,
  maskPhone,
  placeFor,
  reminderDue,
  seatsLeft,
  signupButtonState,
  signupWindowPhase,
} from '../../shared/domain/openweek/event-rules';

// 2018-05-04 09:00 China time = 01:00 UTC.
const START = '2018-05-04T01:00:00.000Z';
const END = '2018-05-04T03:00:00.000Z';
const at = (iso: string) => new Date(iso);
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms);

describe('the signup window', () => {
  const window = { signupOpensAt: '2018-04-20T00:00:00.000Z', signupClosesAt: '2018-05-03T16:00:00.000Z' };
  test('is not yet open one millisecond before it opens, and open at the opening instant', () => {
    expect(signupWindowPhase(window, plus(window.signupOpensAt, -1))).toBe('notYetOpen');
    expect(signupWindowPhase(window, at(window.signupOpensAt))).toBe('open');
  });
  test('is still open one millisecond before it closes, and closed at the closing instant (China midnight)', () => {
    expect(signupWindowPhase(window, plus(window.signupClosesAt, -1))).toBe('open');
    expect(signupWindowPhase(window, at(window.signupClosesAt))).toBe('closed');
  });
});

describe('the cancellation deadline', () => {
  const event = { startAt: START, cancelHoursBefore: 24 };
  test('allows cancelling until one millisecond before N hours before the start', () => {
    expect(canCancelAt(event, plus(START, -24 * 3_600_000 - 1))).toBe(true);
  });
  test('refuses at exactly N hours before the start and after', () => {
    expect(canCancelAt(event, plus(START, -24 * 3_600_000))).toBe(false);
    expect(canCancelAt(event, at(START))).toBe(false);
  });
  test('with N = 0 allows cancelling up to the start itself', () => {
    expect(canCancelAt({ startAt: START, cancelHoursBefore: 0 }, plus(START, -1))).toBe(true);
    expect(canCancelAt({ startAt: START, cancelHoursBefore: 0 }, at(START))).toBe(false);
  });
});

describe('the check-in window', () => {
  const event = { startAt: START, endAt: END };
  test('opens exactly one hour before the start', () => {
    expect(checkInWindowPhase(event, plus(START, -3_600_000 - 1))).toBe('early');
    expect(checkInWindowPhase(event, plus(START, -3_600_000))).toBe('open');
  });
  test('stays open through the end instant and closes one millisecond after', () => {
    expect(checkInWindowPhase(event, at(END))).toBe('open');
    expect(checkInWindowPhase(event, plus(END, 1))).toBe('closed');
  });
});

describe('seats', () => {
  test('the last seat goes to a newcomer when nobody waits; the next one waits', () => {
    expect(placeFor({ capacity: 50, seatsTaken: 49, waiting: 0 })).toBe('seat');
    expect(placeFor({ capacity: 50, seatsTaken: 50, waiting: 0 })).toBe('waitlist');
    expect(seatsLeft({ capacity: 50, seatsTaken: 49, waiting: 0 })).toBe(1);
    expect(seatsLeft({ capacity: 50, seatsTaken: 50, waiting: 3 })).toBe(0);
  });
  test('a free seat is not taken by a newcomer while someone is waiting', () => {
    expect(placeFor({ capacity: 50, seatsTaken: 49, waiting: 1 })).toBe('waitlist');
  });
  test('an event with zero seats taken has every seat left', () => {
    expect(seatsLeft({ capacity: 1, seatsTaken: 0, waiting: 0 })).toBe(1);
    expect(placeFor({ capacity: 1, seatsTaken: 0, waiting: 0 })).toBe('seat');
  });
  test('capacity may shrink to the seats taken but not one below', () => {
    expect(capacityAllowed({ seatsTaken: 10 }, 10)).toBe(true);
    expect(capacityAllowed({ seatsTaken: 10 }, 9)).toBe(false);
    expect(capacityAllowed({ seatsTaken: 0 }, 1)).toBe(true);
  });
});

describe('the event status table', () => {
  test('a draft can only be published; a published event can be cancelled or finished; the end states are final', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('draft', 'cancelled')).toBe(false);
    expect(canMove('published', 'cancelled')).toBe(true);
    expect(canMove('published', 'finished')).toBe(true);
    expect(EVENT_STATUS_RULES.cancelled.next).toEqual([]);
    expect(EVENT_STATUS_RULES.finished.next).toEqual([]);
  });
});

describe('the signup button', () => {
  const base = {
    status: 'published' as const,
    startAt: START,
    endAt: END,
    signupOpensAt: '2018-04-20T00:00:00.000Z',
    signupClosesAt: '2018-05-03T16:00:00.000Z',
    capacity: 2,
    seatsTaken: 0,
    waiting: 0,
  };
  const now = at('2018-04-25T00:00:00.000Z');
  test('says open with seats left, waitlist when full, closed after the window', () => {
    expect(signupButtonState(base, now)).toBe('open');
    expect(signupButtonState({ ...base, seatsTaken: 2 }, now)).toBe('waitlist');
    expect(signupButtonState(base, at(base.signupClosesAt))).toBe('closed');
    expect(signupButtonState(base, plus(base.signupOpensAt, -1))).toBe('notYetOpen');
  });
  test('says cancelled or ended for those events', () => {
    expect(signupButtonState({ ...base, status: 'cancelled' }, now)).toBe('cancelled');
    expect(signupButtonState(base, plus(END, 1))).toBe('ended');
  });
});

describe('reminders and masking', () => {
  test('the day-before reminder is due from 24 hours before the start until the start', () => {
    expect(reminderDue(START, plus(START, -24 * 3_600_000 - 1))).toBe(false);
    expect(reminderDue(START, plus(START, -24 * 3_600_000))).toBe(true);
    expect(reminderDue(START, plus(START, -1))).toBe(true);
    expect(reminderDue(START, at(START))).toBe(false);
  });
  test('phones and names are masked for anyone but the organizer', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修文')).toBe('欧***');
  });
  test('the attendance rate is checked-in over seats held, and none without seats', () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(3, 4)).toBe(0.75);
  });
});
