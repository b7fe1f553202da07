import { describePagesInBrowser } from "./support/describe-pages-in-browser.js";

describePagesInBrowser("hono");
