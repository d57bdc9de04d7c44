// Loaded first by page.html: records every Content-Security-Policy violation of the page,
// including those inside shadow roots (the event is composed), for csp.test.ts to read.
window.violations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.violations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: `${event.sourceFile}:${event.lineNumber}`,
    });
  },
  true,
);
