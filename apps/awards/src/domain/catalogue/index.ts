import { fromDbDate, toDbDate } from '@antt/service-kit';
import { type PrismaClient } from '../../generated/prisma/client';

/** A form of the catalogue for one period. */
export interface AwardFormView {
  code: string;
  name: string;
  issuingAuthority: string;
  recipientKinds: string[];
  legalGrounds: string[];
  bonusMultiple: number;
  validFrom: string;
  validTo: string | null;
}

type FormRow = Awaited<ReturnType<PrismaClient['awardForm']['findMany']>>[number];

function view(row: FormRow): AwardFormView {
  return {
    code: row.code,
    name: row.name,
    issuingAuthority: row.issuingAuthority,
    recipientKinds: row.recipientKinds,
    legalGrounds: row.legalGrounds,
    bonusMultiple: Number(row.bonusMultiple),
    validFrom: fromDbDate(row.validFrom),
    validTo: row.validTo ? fromDbDate(row.validTo) : null,
  };
}

/** The dated forms catalogue (seeded by migration; a season uses the rows in force on its dates). */
export class Catalogue {
  constructor(private readonly prisma: Pick<PrismaClient, 'awardForm'>) {}

  async formsOn(date: string): Promise<AwardFormView[]> {
    const on = toDbDate(date);
    const rows = await this.prisma.awardForm.findMany({
      where: { validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
      orderBy: [{ code: 'asc' }],
    });
    return rows.map(view);
  }

  async formOn(code: string, date: string): Promise<AwardFormView | null> {
    return (await this.formsOn(date)).find((form) => form.code === code) ?? null;
  }
}
