export {
  addDays,
  dayOfWeek,
  isLocalDate,
  localDate,
  londonInstant,
  londonLocalDate,
  londonLocalDateTime,
  parseLocalDate,
  LONDON_TIME_ZONE,
  type DayOfWeek,
  type LocalDate,
  type LocalTime,
} from './local-date';
export { easterSunday } from './easter';
export { BANK_HOLIDAY_RULES_VERSION, FIRST_RULE_YEAR, ruleBankHolidays, type BankHoliday } from './bank-holidays';
export {
  ENGLAND_AND_WALES_DIVISION,
  readPublishedBankHolidays,
  type PublishedBankHolidays,
  type PublishedDivision,
  type PublishedEvent,
} from './published-bank-holidays';
export { GOVUK_ENGLAND_AND_WALES_SNAPSHOT } from './govuk-bank-holidays-snapshot';
export {
  DEFAULT_TASK_DUE_TIME,
  DEFAULT_TASK_WORKING_DAYS,
  END_OF_DAY,
  WorkingDayCalendar,
  type Deadline,
  type EnglandAndWalesOptions,
} from './working-day-calendar';
export {
  OpeningHours,
  SERVICE_CENTRE_OPENING_HOURS,
  type OpeningSession,
  type OpenPeriod,
  type WeeklyOpeningHours,
} from './opening-hours';
export { longDate } from './long-date';
export { isSupportedLocalDate, SUPPORTED_YEARS } from './supported-years';
