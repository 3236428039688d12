import { EXAMPLE_IDS } from '../org-units/examples';

/** Fixed ids so the generated catalogue is stable. */
export const CAMPAIGN_EXAMPLE_IDS = {
  province: EXAMPLE_IDS.province,
  vuThu: EXAMPLE_IDS.vuThu,
  thonHoiThuong: EXAMPLE_IDS.thonHoiThuong,
  thaiBinh2024: 'a0f3d027-d4fc-40b2-97a4-f3bf2a3b4c11',
  vuThu2024: 'b104e138-e50d-41c3-a8b5-04c03b4c5d12',
  registration: 'c215f249-f61e-42d4-b9c6-15d14c5d6e13',
} as const;
