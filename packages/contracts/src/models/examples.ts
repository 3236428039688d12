import { EXAMPLE_IDS } from '../org-units/examples';

/** Fixed ids so the generated catalogue is stable. */
export const MODEL_EXAMPLE_IDS = {
  province: EXAMPLE_IDS.province,
  vuThu: EXAMPLE_IDS.vuThu,
  vuHoi: EXAMPLE_IDS.vuHoi,
  thonHoiThuong: EXAMPLE_IDS.thonHoiThuong,
  camera: 'd3260350-a71f-43e5-8ad7-26e25d6e7f14',
  cameraReplica: 'e4371461-b820-44f6-9be8-37f36e7f8015',
  review: 'f5482572-c931-4507-acf9-48047f809126',
  training: '06593683-da42-4618-bd0a-59158091a237',
  example: '176a4794-eb53-4729-8e1b-6a269102b348',
  site: '287b58a5-fc64-4a3a-8e2c-7b36a213c459',
  team: '398c69b6-0d75-4b4b-9f3d-8c47b324d56a',
} as const;
