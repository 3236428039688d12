// The service kit's clock: "today" in the service's time zone, fixed in tests (shared with campaigns).
export { type Clock, systemClock } from '@antt/service-kit';
