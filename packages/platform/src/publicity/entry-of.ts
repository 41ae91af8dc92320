/**
 * What a notice and the pool show of an application: the organization as it applied,
 * its district, track or category, and industries. One shape for both, so what was
 * published is what is listed.
 */
import type { Application } from '@sme/core';
import type { NoticeEntry } from '@sme/store';

export function entryOf(app: Application): NoticeEntry {
  return {
    applicationId: app.id,
    orgName: app.org.name,
    uscc: app.org.uscc,
    region: app.org.region,
    ...(app.track && { track: app.track }),
    ...(app.category && { category: app.category }),
    industries: app.industries,
  };
}
