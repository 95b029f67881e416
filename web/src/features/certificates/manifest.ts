import { defineFeature } from '../../app/feature';

/**
 * 志愿服务记录证明: a volunteer issues and downloads their certificate on the phone; anyone checks a
 * certificate's code on the public page its QR code links to. Staff issue one from a volunteer's
 * page with IssueCertificateButton (desk/), placed by the volunteers feature.
 */
export const certificatesFeature = defineFeature({
  name: 'certificates',
  locales: { 'zh-CN': () => import('./locales/zh-CN.json'), en: () => import('./locales/en.json') },
  desk: {
    public: [
      { path: 'verify/certificate', page: () => import('./VerifyCertificatePage').then((m) => m.VerifyCertificatePage) },
      { path: 'verify/certificate/:code', page: () => import('./VerifyCertificatePage').then((m) => m.VerifyCertificatePage) },
    ],
  },
  phone: {
    member: [{ path: 'me/certificates', page: () => import('./h5/H5CertificatesPage').then((m) => m.H5CertificatesPage) }],
  },
  phoneServices: [{ key: 'certificates', label: 'title', icon: () => import('@ant-design/icons/es/icons/SafetyCertificateOutlined'), path: '/h5/me/certificates', volunteer: true, order: 85 }],
});
