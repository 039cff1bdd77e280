export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    // Annotation arrives with the annotation issue (#3).
  },
});
