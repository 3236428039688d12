import { type UnitVersion } from './unit-state';

/** Fixed ids so the generated catalogue is stable. */
export const EXAMPLE_IDS = {
  province: '0b6f3c8e-3a52-4c1e-9d0a-5f1b2c3d4e01',
  vuThu: '1c7a4d9f-4b63-4d2f-8e1b-6a2c3d4e5f02',
  kienXuong: '2d8b5eaf-5c74-4e3a-9f2c-7b3d4e5f6a03',
  vuHoi: '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04',
  vuVinh: '4fad7ac1-7e96-4a5c-b14e-9d5f6a7b8c05',
  thonHoiThuong: '5abe8bd2-8fa7-4b6d-825f-ae6a7b8c9d06',
  thonHoiHa: '6bcf9ce3-90b8-4c7e-9360-bf7b8c9d0e07',
  congAnVuThu: '7cd0adf4-a1c9-4d8f-a471-c08c9d0e1f08',
  mayThaiBinh: '8de1be05-b2da-4e90-b582-d19d0e1f2a09',
  thptVuThu: '9ef2cf16-c3eb-4fa1-8693-e2ae1f2a3b10',
} as const;

export const NO_ATTRIBUTES: UnitVersion['attributes'] = {
  enterpriseSize: null,
  schoolLevel: null,
  armedForces: null,
  residentHouseholds: null,
  staffCount: null,
  communeType: null,
};
