/** Removes scraped page furniture (ads, widgets, share bars, navigation crumbs) from plain text. */

export interface BoilerplateRule {
  /** Stable name, reported for every removed line. */
  readonly name: string;
  readonly description: string;
  /**
   * `line`: the pattern is tested against a whole trimmed line, which is dropped on a match.
   * `inline`: every match is deleted from the line; a line left empty is dropped.
   */
  readonly kind: "line" | "inline";
  readonly pattern: RegExp;
  /** Longest line a line rule can match: longer lines skip the regex (most real paragraphs). */
  readonly maxLength?: number;
  /** Inline rules: a literal that must occur for the pattern to be worth running. */
  readonly literal?: string;
}

export interface RemovedBoilerplate {
  readonly rule: string;
  /** 0-based line number in the input. */
  readonly line: number;
  /** The trimmed line as it was before removal. */
  readonly text: string;
}

export interface CleanedText {
  readonly text: string;
  readonly removed: readonly RemovedBoilerplate[];
}

// Known section names of news sites; a crumb glued to one of these needs no trailing ellipsis.
const SECTIONS =
  "Latest News|News|World|Politics|Business|Sports?|Opinion|Tech|Technology|Science|Health|Entertainment|Lifestyle|Culture|Economy|Markets|Local|National|International|Region|Regional|Middle East|Europe|Asia|Africa|Americas|Latest|Breaking News|Features|Analysis";

/**
 * Line rules are anchored and short-bounded, so a real sentence that merely contains one of these
 * words ("The advertisement ran on state TV") never matches.
 */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: "advertisement",
    description:
      'Ad slot markers: "Advertisement", "- Advertisement -", "ADVERTISEMENT", "Advertisement:" (Salon).',
    kind: "line",
    maxLength: 40,
    pattern: /^[-–—_*•·\s]*(?:advertisements?|advert|ad)[-–—_*•·:\s]*$/i,
  },
  {
    name: "continues-after-ad",
    description: '"Story continues below advertisement" and similar.',
    kind: "line",
    maxLength: 60,
    pattern:
      /^(?:the )?(?:story|article|text) continues (?:below|after) (?:the |this )?(?:advertisement|ad)\.?$/i,
  },
  {
    name: "sponsored",
    description: 'Sponsored-content labels: "Sponsored", "Promoted content", "Paid content".',
    kind: "line",
    maxLength: 30,
    pattern:
      /^(?:sponsored(?: content| links?| stories)?|promoted(?: content| stories)?|paid content)$/i,
  },
  {
    name: "widget-heading",
    description:
      'Headings of recommendation widgets alone on a line: "Must Read", "Related Posts", "You may also like...", "RECENT ARTICLES", "More Great WIRED Stories".',
    kind: "line",
    maxLength: 40,
    pattern:
      /^(?:must[- ]reads?|also read|read also|related(?: posts| articles| stories| news| content| coverage)?|you (?:may|might) also like|recommended(?: for you| stories)?|trending(?: now| stories)?|popular(?: posts| stories)?|most (?:read|popular|viewed)|more (?:great |top )?(?:\w+ )?stories|latest (?:news|stories|posts)|top stories|editor'?s picks?|recent (?:articles|posts|stories)|popular this (?:week|month))\s*(?:[:.]|\.\.\.|…)?$/i,
  },
  {
    name: "spot-img",
    description: 'WordPress (Newspaper theme) image placeholders: "spot_img", "spot_imgspot_img".',
    kind: "inline",
    literal: "spot_img",
    pattern: /[ \t]*(?:spot_img)+/g,
  },
  {
    name: "nav-crumb-glued",
    description:
      'A breadcrumb glued together by scraping, ending in an ellipsis: "HomeWorldIran commander requests…".',
    kind: "line",
    maxLength: 340,
    pattern: /^Home[A-Z][a-z]+(?: [A-Z][a-z]+)?[A-Z0-9"“‘'].{0,300}(?:\.\.\.|…)$/,
  },
  {
    name: "nav-crumb-section",
    description: 'A glued breadcrumb starting with a known section: "HomeNewsCouncil votes on…".',
    kind: "line",
    maxLength: 340,
    pattern: new RegExp(`^Home(?:${SECTIONS})[A-Z0-9"“‘'].{0,300}$`),
  },
  {
    name: "nav-crumb-separated",
    description: 'A breadcrumb with separators: "Home › World › Middle East", "Home / News".',
    kind: "line",
    maxLength: 210,
    pattern: /^Home\s*[›»>|/]\s*\S.{0,200}$/,
  },
  {
    name: "share-bar",
    description:
      'Share prompts: "Share this", "Share on Facebook", "Click to share on X (Opens in new window)".',
    kind: "line",
    maxLength: 140,
    pattern:
      /^(?:share(?: this| the)?(?: article| story| post| page)?(?: (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|pinterest|reddit|threads|bluesky|messenger))?|click to (?:share|email|print)\b.{0,100}|\(?opens in new window\)?)\s*[:!.]?$/i,
  },
  {
    name: "social-buttons",
    description: 'A run of social network button labels: "Facebook Twitter WhatsApp Email".',
    kind: "line",
    maxLength: 200,
    pattern:
      /^(?:(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|telegram|pinterest|reddit|print|copy link|tumblr|viber|messenger|flipboard|threads|bluesky)[\s,|·•]*){2,}$/i,
  },
  {
    name: "read-more",
    description:
      '"Read more", "Read more: <headline>", "Continue reading…", "Continue reading the main story" (NYT).',
    kind: "line",
    maxLength: 230,
    pattern:
      /^(?:read more|continue reading(?: the main story)?|read the full (?:story|article))(?:\s*[:»›>|]\s*.{0,200}|\s*(?:\.\.\.|…))?$/i,
  },
  {
    name: "subscribe",
    description: '"Subscribe", "Subscribe now", "Subscribe to our channel".',
    kind: "line",
    maxLength: 110,
    pattern:
      /^subscribe(?: (?:now|today|here))?(?: (?:to|for) (?:our|the|my)\b[^,.;:!?]{0,60})?\s*[.!:]?$/i,
  },
  {
    name: "newsletter",
    description: '"Sign up for our newsletter", "Click here to subscribe to The X Newsletter".',
    kind: "line",
    maxLength: 160,
    pattern:
      /^(?:click here to )?(?:sign up|subscribe|register|join)\b.{0,60}\bnewsletters?\b.{0,80}$/i,
  },
  {
    name: "follow-us",
    description:
      '"Follow us on Twitter", "Follow us on Google News", "Follow The Gleaner on Twitter and Instagram @… Send us…".',
    kind: "line",
    maxLength: 360,
    pattern:
      /^follow us (?:on|at|via) [^,.;:!?]{1,40}[.!]?$|^follow (?:us|the \p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,3}) on (?:twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|threads)\b.{0,300}$/iu,
  },
  {
    name: "cookie-notice",
    description:
      'Cookie consent banners: "We use cookies to improve your experience…", "Accept all cookies".',
    kind: "line",
    maxLength: 420,
    // Banner wording only: "We use cookies, the baker said" is a sentence and stays.
    pattern:
      /^(?:(?:we|this (?:web)?site) uses? cookies\b.{0,200}\b(?:experience|browsing|website|site|analytics|personali[sz]e|consent|privacy|policy|accept)\b.{0,200}|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b.{0,200}cookies.{0,100}|(?:accept|reject|manage) (?:all )?cookies|cookie (?:settings|policy|preferences))$/i,
  },
  {
    name: "photo-credit",
    description:
      'A bare picture credit: "Photo: Reuters", "Image credit: AFP/Getty", "(Credit: X / Grist)", "Credit...X/The New York Times", "Photograph by X", "X | Bloomberg | Getty Images". A caption sentence is kept.',
    kind: "line",
    maxLength: 90,
    pattern:
      /^\(?(?:photo|image|picture|file photo|photograph)(?: credits?| courtesy(?: of)?)?\s*[:|]\s*[^.!?:]{1,60}\)?$|^\(?(?:photo|image|picture) (?:credits?|courtesy(?: of)?)\s+[^.!?:]{1,60}\)?$|^\(?(?:credits?\s*(?::|\.\.\.|…)|(?:photo(?:graph)?s?|images?|pictures?) by)\s*[^.!?:]{1,60}\)?$|^[^.!?:]{1,60}[/|]\s*(?:getty images|afp|ap|reuters|epa|shutterstock|bloomberg|alamy)\)?$/i,
  },
  {
    name: "related-link",
    description: 'An inline related-story link: "Related: <headline>", "[Related: <headline>]".',
    kind: "line",
    maxLength: 220,
    pattern: /^\[?related(?: post| article| story| content)?\s*:\s*[^\]]{1,200}\]?$/i,
  },
  {
    name: "skip-link",
    description: 'Accessibility skip links: "Skip to content", "Skip to main content".',
    kind: "line",
    maxLength: 40,
    pattern: /^skip to (?:the )?(?:main )?(?:content|navigation|article)$/i,
  },
  {
    name: "comments-widget",
    description:
      'Comment widget labels: "Comments", "12 Comments", "Post Comment (+)", "Leave a comment".',
    kind: "line",
    maxLength: 30,
    pattern:
      /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:post|leave|add) (?:a |your )?comments?(?:\s*\(\+\))?$/i,
  },
  {
    name: "js-notice",
    description: '"This slideshow requires JavaScript.", "Please enable JavaScript…".',
    kind: "line",
    maxLength: 100,
    pattern:
      /^this (?:slideshow|video|content|page|site|gallery) requires javascript\.?$|^(?:please )?enable javascript\b.{0,60}$/i,
  },
  {
    name: "reading-time",
    description:
      'Reading-time badges: "3 min read", "Reading time: 2 minutes", "Tempo de leitura: 1 minuto".',
    kind: "line",
    maxLength: 40,
    pattern:
      /^(?:\d+\s*min(?:ute)?s?\s+read|(?:reading time|tempo de leitura|lesezeit)\s*:?\s*\d+\s*\p{L}{0,8})$/iu,
  },
  {
    name: "author-links",
    description:
      'Author box links: "View author archive", "email the author", "More stories by Jane Doe".',
    kind: "line",
    maxLength: 70,
    pattern:
      /^(?:view (?:author )?archive|e-?mail the author|view all posts by .{1,40}|more (?:articles|stories|posts) by .{1,40})$/i,
  },
  {
    name: "filed-under",
    description: 'Blog category footers: "Filed under: Politics |", "Posted in: News".',
    kind: "line",
    maxLength: 210,
    pattern: /^(?:filed under|posted in|categories)\s*:\s*[^.!?]{1,200}$/i,
  },
  {
    name: "timestamp-line",
    description:
      'A publication stamp alone on a line: "Updated: Sat 8:31 PM, Feb 17, 2018", "First Published: Tuesday, November 19, 2019 08:38 AM", "Posted on March 30, 2015 by Admin".',
    kind: "line",
    maxLength: 120,
    // A keyword, then ":" / "on" / a date straight away; no sentence end, and a digit somewhere.
    pattern:
      /^(?:first |last )?(?:published|posted|updated|modified)(?:\s*:|\s+on\b|\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\b))(?=[^.!?]*\d)[^!?]{0,110}[^.!?]$/i,
  },
  {
    name: "share-prompt",
    description: '"Like this story? Share it with a friend!"',
    kind: "line",
    maxLength: 80,
    pattern: /^(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\?.{0,60}$/i,
  },
  {
    name: "app-promo",
    description:
      'App download prompts: "Get the latest news straight to your phone with the X app."',
    kind: "line",
    maxLength: 120,
    pattern: /^(?:get|download|install)\b.{0,100}\bapp[.!]?$/i,
  },
  {
    name: "media-label",
    description:
      'A media placeholder left alone on a line by HTML extraction: "Photo", "Video" (NYT, Readability test pages).',
    kind: "line",
    maxLength: 12,
    pattern: /^(?:photo|video|image|graphic|audio|gallery|interactive)s?$/i,
  },
  {
    name: "tags-line",
    description: 'A tag list: "Tags: Iran, Iraq, militias".',
    kind: "line",
    maxLength: 210,
    pattern: /^tags?\s*:\s*[^.!?]{1,200}$/i,
  },
  {
    name: "copyright",
    description: '"© 2024 Example News. All rights reserved."',
    kind: "line",
    maxLength: 140,
    pattern:
      /^(?:copyright\s*)?(?:©|\(c\)\s*\d{4}).{0,120}$|^copyright \d{4}\b.{0,120}$|^(?:[^.]{0,80}\.\s*)?all rights reserved\.?$/i,
  },
  {
    name: "wire-signoff",
    description: 'A newswire sign-off alone on the last line: "Reuter" (Reuters-21578), "REUTER".',
    kind: "line",
    maxLength: 7,
    pattern: /^reuters?$/i,
  },
  {
    name: "loading",
    description: '"Loading…" placeholders.',
    kind: "line",
    maxLength: 10,
    pattern: /^loading(?:\.\.\.|…)?$/i,
  },
];

const LINE_RULES = BOILERPLATE_RULES.filter((r) => r.kind === "line");
const INLINE_RULES = BOILERPLATE_RULES.filter((r) => r.kind === "inline");
const MAX_BOILERPLATE_LINE = Math.max(...LINE_RULES.map((r) => r.maxLength ?? 0));

/** Name of the first line rule matching this (trimmed) line, or null. */
export function matchBoilerplateLine(line: string): string | null {
  if (line.length === 0 || line.length > MAX_BOILERPLATE_LINE) return null;
  for (const rule of LINE_RULES) {
    if (line.length <= (rule.maxLength ?? MAX_BOILERPLATE_LINE) && rule.pattern.test(line))
      return rule.name;
  }
  return null;
}

/**
 * Drops boilerplate lines and inline debris. Expects normalised text (see normalizeText) and
 * keeps it normalised: no blank-line runs are left where lines were removed.
 */
export function cleanBoilerplate(text: string): CleanedText {
  const removed: RemovedBoilerplate[] = [];
  const out: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? "").trim();
    if (line.length > 0) {
      const lineRule = matchBoilerplateLine(line);
      if (lineRule) {
        removed.push({ rule: lineRule, line: i, text: line });
        continue;
      }
      for (const rule of INLINE_RULES) {
        if (rule.literal && !line.includes(rule.literal)) continue;
        const stripped = line.replace(rule.pattern, "").trim();
        if (stripped !== line) {
          if (stripped.length === 0) removed.push({ rule: rule.name, line: i, text: line });
          line = stripped;
        }
      }
      if (line.length === 0) continue;
    }
    // Blank lines: at most one between paragraphs, none at the edges.
    if (line.length === 0 && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return { text: out.join("\n"), removed };
}

const CRUMB_PREFIX = /^Home/;
const TRAILING_ELLIPSIS = /\s*(?:\.\.\.|…)$/;
// Section names are short: the title starts within this many characters after "Home".
const MAX_SECTION_CHARS = 32;
const MIN_TITLE_OVERLAP = 12;

/**
 * A glued crumb ("HomeWorldIran commander requests…") repeats the headline. True when `paragraph`
 * starts with the crumb's (possibly truncated) headline, so the paragraph is the article's title.
 */
export function crumbMatchesTitle(crumb: string, paragraph: string): boolean {
  if (!CRUMB_PREFIX.test(crumb)) return false;
  const body = crumb.slice(4).replace(TRAILING_ELLIPSIS, "");
  // The crumb may cut the headline mid-word: compare only up to its last whole word.
  const lastSpace = body.lastIndexOf(" ");
  const whole = crumb.length !== body.length + 4 && lastSpace > 0 ? body.slice(0, lastSpace) : body;
  for (let i = 1; i <= Math.min(MAX_SECTION_CHARS, whole.length - MIN_TITLE_OVERLAP); i++) {
    const candidate = whole.slice(i);
    if (candidate.length >= MIN_TITLE_OVERLAP && paragraph.startsWith(candidate)) return true;
  }
  return false;
}
