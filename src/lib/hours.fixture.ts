import type { HoursCalendar } from './hours.ts';

/** The sample hall's week for specs: Monday to Friday, 9:00–12:00 and 13:30–17:00. */
export const WEEKDAY_HOURS: HoursCalendar['hours'] = {
	days: [1, 2, 3, 4, 5],
	sessions: [
		{ from: '09:00', to: '12:00' },
		{ from: '13:30', to: '17:00' }
	]
};
