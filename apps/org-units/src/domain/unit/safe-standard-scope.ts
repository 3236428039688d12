// The rule is shared with every service that holds a unit directory (campaigns refuses registrations with it).
export { safeStandardScope, type SafeStandardExclusion, type SafeStandardScope } from '@antt/unit-directory';
