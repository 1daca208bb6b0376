// Runs before the page is painted (a classic script in <head>): a page opened with a share link
// (#v3&…) must not show the prerendered example's prices as if they were the link's. Until the
// app has priced the link (main.js removes the mark), CSS hides the prerendered inputs and
// results and shows the "being priced" line instead.
if (location.hash.length > 1) document.documentElement.dataset.pricing = "link";
