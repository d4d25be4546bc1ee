// The sanitiser chunk the single-file bundles load on demand (dist/cdn/sanitizer.js).
export { default } from 'dompurify';
