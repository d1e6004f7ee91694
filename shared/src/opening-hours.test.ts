import { describe, expect, it } from 'vitest';
import {
  closedWords,
  closesWords,
  openingState,
  orderingRefusal,
  type OpeningHoursInput,
} from './opening-hours';
import { BUILT_IN_SETTINGS } from './settings';
import type { WeeklyHours } from './settings-hours';

const LUNCH_AND_DINNER = [
  { opens: '12:00', closes: '15:00' },
  { opens: '17:00', closes: '22:00' },
];
const WEEK: WeeklyHours = {
  mon: [],
  tue: LUNCH_AND_DINNER,
  wed: LUNCH_AND_DINNER,
  thu: LUNCH_AND_DINNER,
  fri: [{ opens: '12:00', closes: '02:00' }],
  sat: [{ opens: '12:00', closes: '02:00' }],
  sun: [{ opens: '12:00', closes: '20:00' }],
};
const DUBLIN: OpeningHoursInput = {
  openingHours: WEEK,
  hoursExceptions: [],
  timezone: 'Europe/Dublin',
};

// 2031-03-04 is a Tuesday; Dublin is on GMT (UTC+0) in early March.
const at = (iso: string) => new Date(iso);

describe('openingState', () => {
  it('is open all the time with the built-in hours', () => {
    const state = openingState(BUILT_IN_SETTINGS, at('2031-03-04T03:00:00Z'));
    expect(state).toEqual({ open: true, nextChange: null });
  });

  it('is open inside a spell, and says when it closes', () => {
    const state = openingState(DUBLIN, at('2031-03-04T13:30:00Z'));
    expect(state).toEqual({
      open: true,
      nextChange: { date: '2031-03-04', time: '15:00', daysAhead: 0 },
    });
    expect(closesWords(state)).toBe('Open until 15:00');
  });

  it('is closed between lunch and dinner, and opens at 17:00', () => {
    const state = openingState(DUBLIN, at('2031-03-04T16:00:00Z'));
    expect(state.open).toBe(false);
    expect(closedWords('Harbour Kitchen', state)).toBe(
      'Harbour Kitchen is closed now. It opens at 17:00.',
    );
  });

  it('closes at the closing minute (a spell is open up to, not at, its end)', () => {
    expect(openingState(DUBLIN, at('2031-03-04T14:59:00Z')).open).toBe(true);
    expect(openingState(DUBLIN, at('2031-03-04T15:00:00Z')).open).toBe(false);
    expect(openingState(DUBLIN, at('2031-03-04T12:00:00Z')).open).toBe(true);
  });

  it('after closing, opens tomorrow; a closed Monday says Tuesday', () => {
    const tuesdayNight = openingState(DUBLIN, at('2031-03-04T22:30:00Z'));
    expect(closedWords('H', tuesdayNight)).toBe('H is closed now. It opens tomorrow at 12:00.');
    // Sunday 21:00: Monday is closed all day, so Tuesday.
    const sundayNight = openingState(DUBLIN, at('2031-03-09T21:00:00Z'));
    expect(sundayNight.nextChange).toEqual({ date: '2031-03-11', time: '12:00', daysAhead: 2 });
    expect(closedWords('H', sundayNight)).toBe('H is closed now. It opens on Tuesday at 12:00.');
  });

  it('a spell past midnight keeps it open into the next day', () => {
    // Saturday 01:30 local: Friday's 12:00–02:00 still runs.
    const lateFriday = openingState(DUBLIN, at('2031-03-08T01:30:00Z'));
    expect(lateFriday).toEqual({
      open: true,
      nextChange: { date: '2031-03-08', time: '02:00', daysAhead: 0 },
    });
    expect(openingState(DUBLIN, at('2031-03-08T02:00:00Z')).open).toBe(false);
    // Sunday 01:00: Saturday's spell runs to 02:00.
    const sundayEarly = openingState(DUBLIN, at('2031-03-09T01:00:00Z'));
    expect(sundayEarly.open).toBe(true);
  });

  it('reads the wall clock of the location’s time zone, daylight saving included', () => {
    // 2031-07-01 is a Tuesday; Dublin is UTC+1 in summer: 16:30 UTC is 17:30 there.
    expect(openingState(DUBLIN, at('2031-07-01T16:30:00Z')).open).toBe(true);
    expect(openingState({ ...DUBLIN, timezone: 'UTC' }, at('2031-07-01T16:30:00Z')).open).toBe(
      false,
    );
    // New York (UTC−4 in July): 16:30 UTC is 12:30 there, lunch.
    const ny = openingState(
      { ...DUBLIN, timezone: 'America/New_York' },
      at('2031-07-01T16:30:00Z'),
    );
    expect(ny.open).toBe(true);
  });

  it('an exception closes a whole day, or gives it other hours', () => {
    const christmas: OpeningHoursInput = {
      ...DUBLIN,
      hoursExceptions: [
        { date: '2031-12-25', hours: [], note: 'Christmas Day' },
        { date: '2031-12-26', hours: [{ opens: '18:00', closes: '21:00' }] },
      ],
    };
    // 2031-12-25 is a Thursday, normally open at 13:00.
    const closed = openingState(christmas, at('2031-12-25T13:00:00Z'));
    expect(closed.open).toBe(false);
    expect(closedWords('H', closed)).toBe('H is closed now. It opens tomorrow at 18:00.');
    expect(openingState(christmas, at('2031-12-26T13:00:00Z')).open).toBe(false);
    expect(openingState(christmas, at('2031-12-26T18:30:00Z')).open).toBe(true);
  });

  it('far off openings are named by date; none in a fortnight says so', () => {
    const shut: WeeklyHours = { ...WEEK, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const nextMonday = openingState(
      { ...DUBLIN, openingHours: { ...shut, mon: [{ opens: '09:00', closes: '10:00' }] } },
      at('2031-03-04T12:00:00Z'),
    );
    expect(closedWords('H', nextMonday)).toBe('H is closed now. It opens on Monday at 09:00.');
    const never = openingState({ ...DUBLIN, openingHours: shut }, at('2031-03-04T12:00:00Z'));
    expect(never).toEqual({ open: false, nextChange: null });
    expect(closedWords('H', never)).toBe(
      'H is closed now. It has no opening hours in the next two weeks.',
    );
    const holidays = openingState(
      {
        ...DUBLIN,
        hoursExceptions: Array.from({ length: 10 }, (_, day) => ({
          date: `2031-03-${String(4 + day).padStart(2, '0')}`,
          hours: [],
        })),
      },
      at('2031-03-04T12:00:00Z'),
    );
    expect(closedWords('H', holidays)).toBe('H is closed now. It opens on 14 March at 12:00.');
  });
});

describe('orderingRefusal', () => {
  const open = { ...BUILT_IN_SETTINGS };
  const now = at('2031-03-04T13:00:00Z');

  it('lets a guest order when open, accepting and offering the type', () => {
    expect(orderingRefusal('Harbour Kitchen', open, now, 'delivery')).toBeNull();
    expect(orderingRefusal('Harbour Kitchen', open, now)).toBeNull();
  });

  it('says why not, in plain words: not accepting first, then closed, then the type', () => {
    expect(orderingRefusal('Harbour Kitchen', { ...open, acceptingOrders: false }, now)).toBe(
      'Harbour Kitchen is not taking orders right now.',
    );
    expect(
      orderingRefusal(
        'Harbour Kitchen',
        { ...DUBLIN, acceptingOrders: true, orderTypes: ['pickup'] },
        at('2031-03-04T16:00:00Z'),
        'delivery',
      ),
    ).toBe('Harbour Kitchen is closed now. It opens at 17:00.');
    expect(
      orderingRefusal('Harbour Kitchen', { ...open, orderTypes: ['pickup'] }, now, 'delivery'),
    ).toBe('Harbour Kitchen is not taking delivery orders right now.');
    expect(
      orderingRefusal('Harbour Kitchen', { ...open, orderTypes: ['pickup'] }, now, 'dine_in'),
    ).toBe('Harbour Kitchen is not taking dine-in orders right now.');
  });
});
