/** Jobs the platform runs today, by the word that names each for people; any other shows as a system job. */
export const jobLabels: Record<string, 'autoConfirm' | 'deadlineWatch' | 'pauseResume' | 'webhookDelivery' | 'smsSend' | 'volunteerImport'> = {
  'needs.autoConfirm': 'autoConfirm',
  'supervision.deadline': 'deadlineWatch',
  'oversight.resume': 'pauseResume',
  'webhooks.deliver': 'webhookDelivery',
  'notify.sms': 'smsSend',
  'volunteers.import': 'volunteerImport',
};
