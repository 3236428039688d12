import { trainingOverdue } from './training.rules';

describe('training overdue flag', () => {
  const model = { foundedOn: '2020-01-01', status: 'ACTIVE', statusOn: '2020-01-01' };

  it('flags a running model with no training in the period up to the date', () => {
    expect(trainingOverdue(model, null, '2024-12-31', 365)).toBe(true);
    // 365 days up to 31/12/2024 (a leap year) start on 02/01/2024.
    expect(trainingOverdue(model, '2024-01-02', '2024-12-31', 365)).toBe(false);
    expect(trainingOverdue(model, '2024-01-01', '2024-12-31', 365)).toBe(true);
  });

  it('does not flag a model younger than the period, not yet founded, or dissolved by then', () => {
    expect(trainingOverdue({ ...model, foundedOn: '2024-06-01', statusOn: '2024-06-01' }, null, '2024-12-31', 365)).toBe(false);
    expect(trainingOverdue(model, null, '2019-06-01', 365)).toBe(false);
    expect(trainingOverdue({ ...model, status: 'DISSOLVED', statusOn: '2024-11-01' }, null, '2024-12-31', 365)).toBe(false);
    expect(trainingOverdue({ ...model, status: 'DISSOLVED', statusOn: '2025-11-01' }, null, '2024-12-31', 365)).toBe(true);
  });
});
