export * from './review-reminder.types';
export * from './review-reminder.rules';
export * from './review-reminder.repository';
export * from './review-reminder-scheduler';
