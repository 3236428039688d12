import { type EnterpriseSize } from './import-row';
import { type Random } from './random';
import { type TreeBuilder } from './tree-builder';
import { brandName, TRADES } from './vietnamese-names';

/** Staff bands by size class (Decree 80/2021, industry and construction: at most 10, 100 and 200 insured employees). */
export function enterpriseStaff(random: Random, size: EnterpriseSize): number {
  switch (size) {
    case 'MICRO':
      return random.int(3, 10);
    case 'SMALL':
      return random.chance(0.7) ? random.int(11, 50) : random.int(51, 100);
    case 'MEDIUM':
      return random.int(101, 200);
    case 'LARGE':
      return random.chance(0.7) ? random.int(201, 800) : random.int(801, 3000);
  }
}

/** Mostly micro and small, a few medium: the mix of enterprises a commune manages. */
export function localEnterpriseSize(random: Random): EnterpriseSize {
  const draw = random.next();
  if (draw < 0.55) return 'MICRO';
  if (draw < 0.95) return 'SMALL';
  return 'MEDIUM';
}

/** A plausible, tree-wide unique enterprise name ("Công ty TNHH May mặc Hưng Phát"). */
export function enterpriseName(random: Random, builder: TreeBuilder, size: EnterpriseSize): string {
  for (;;) {
    const trade = random.pick(TRADES);
    const brand = brandName(random);
    const draw = random.next();
    let name: string;
    if (size === 'LARGE' || size === 'MEDIUM') {
      name = draw < 0.5 ? `Công ty Cổ phần ${trade} ${brand}` : `Công ty TNHH ${trade} ${brand}`;
    } else if (draw < 0.5) {
      name = `Công ty TNHH ${trade} ${brand}`;
    } else if (draw < 0.7) {
      name = `Công ty Cổ phần ${trade} ${brand}`;
    } else if (draw < 0.9) {
      name = `Doanh nghiệp tư nhân ${trade} ${brand}`;
    } else {
      name = `Hợp tác xã ${trade} ${brand}`;
    }
    if (builder.claimEnterpriseName(name)) return name;
  }
}
