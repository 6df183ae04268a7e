import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

// The public half of a fixed key keeps the extension id stable wherever dist/ lives
// (coehicpccdacpfhjmhoacdmecplfblli), so side panel URLs and allow-lists do not move.
const key =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv0K8GIivBBP3f80Gss/dBhD8YdbK1v1TKQRUszhsbKgqpJakiWayM1X+p+9V7++vk/FBwoLWoWDeKhZCfYeAgvN/KOyVR40mryPBo7zfi/okTcq7jIyAof3S7Hfm7mV2Ai0X3KqeWZGBwTohajFEdpfeZmppr+4ISMbI5zMmLYsCor1jaHy5Kj0UcEosZXOwZRp4dpyAX8U6wVe1Kb71pVGKxnYP794EIHLdkM/8d5rltkFAOTCVwrVCzfcsCUsyAm8hFgO630d+jA+R3VnOul51huKLukFpD//KxP4O+oV0x3nj34d38mfNkA99N3zAz9b+opVeFPx2mCcJG4Tu9QIDAQAB';

export default defineManifest({
  manifest_version: 3,
  name: 'Webwright',
  description: pkg.description,
  version: pkg.version,
  key,
  minimum_chrome_version: '121',
  action: { default_title: 'Open Webwright' },
  side_panel: { default_path: 'src/sidepanel/index.html' },
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  content_scripts: [
    {
      matches: ['<all_urls>'],
      js: ['src/content/index.ts'],
      all_frames: true,
      match_about_blank: true,
      run_at: 'document_idle',
    },
  ],
  // sidePanel: the UI; scripting: inject into tabs opened before install; webNavigation: list a
  // tab's frames for routing; storage: settings; alarms: wake the worker to resume a run;
  // host access: the agent acts on (and captures) any page.
  permissions: ['sidePanel', 'scripting', 'webNavigation', 'storage', 'alarms'],
  host_permissions: ['<all_urls>'],
});
