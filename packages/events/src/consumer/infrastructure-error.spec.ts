import { isInfrastructureError } from './infrastructure-error';

describe('isInfrastructureError', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    [Object.assign(new Error('pool'), { code: 'P2024' })],
    [new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '08006' }) })],
    [new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (error) => expect(isInfrastructureError(error)).toBe(true));

  it.each([[new Error('unit not found')], [Object.assign(new Error('dup'), { code: '23505' })], ['text'], [null]])(
    'leaves %s to retries and dead letters',
    (error) => expect(isInfrastructureError(error)).toBe(false),
  );
});
