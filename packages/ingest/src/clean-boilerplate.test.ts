import { describe, expect, it } from "vitest";
import {
  BOILERPLATE_RULES,
  cleanBoilerplate,
  crumbMatchesTitle,
  matchBoilerplateLine,
} from "./clean-boilerplate";

/** Lines each rule must remove; every rule in BOILERPLATE_RULES needs at least one. */
const EXAMPLES: Record<string, readonly string[]> = {
  advertisement: [
    "- Advertisement -",
    "Advertisement",
    "ADVERTISEMENT",
    "— Advertisement —",
    "Advertisement:",
  ],
  "continues-after-ad": ["Story continues below advertisement", "Article continues after ad"],
  sponsored: ["Sponsored", "Sponsored Content", "Promoted stories"],
  "widget-heading": [
    "Must Read",
    "Must-Read",
    "Related Posts",
    "You may also like",
    "Trending Now",
    "You may also like...",
    "RECENT ARTICLES",
    "POPULAR THIS WEEK",
    "More Great WIRED Stories",
  ],
  "related-link": [
    "Related: From Big Bang to Present: Snapshots of Our Universe Through Time",
    "[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]",
  ],
  "skip-link": ["Skip to content", "Skip to main content"],
  "comments-widget": ["Comments", "comments", "12 Comments", "Post Comment (+)", "Leave a comment"],
  "js-notice": [
    "This slideshow requires JavaScript.",
    "Please enable JavaScript to view the comments",
  ],
  "reading-time": ["3 min read", "Tempo de leitura: 1 minuto", "Reading time: 2 minutes"],
  "author-links": ["View author archive", "email the author", "More stories by Jane Doe"],
  "filed-under": ["Filed under: Khawarij |", "Posted in: News, Politics"],
  "timestamp-line": [
    "Updated: Sat 8:31 PM, Feb 17, 2018",
    "Posted: Fri 6:45 PM, Feb 16, 2018 |",
    "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
    "Updated on: November 19, 2019 / 10:07 AM / CBS News",
    "First Published: Tuesday, November 19, 2019 08:38 AM",
    "Posted on Maret 30, 2015 by Admin",
  ],
  "share-prompt": ["Like this story? Share it with a friend!"],
  "spot-img": ["spot_img", "spot_imgspot_img", "spot_imgspot_imgspot_img"],
  "nav-crumb-glued": [
    "HomeWorldIran commander requests Iraqi armed groups to reduce attacks on U.S.; groups...",
    "HomeMiddle EastIsrael and Lebanon agree to talks…",
  ],
  "nav-crumb-section": [
    "HomeNewsCouncil votes on bus fares",
    "HomeLatest NewsNollywood Actress, Kate Henshaw Is Looking Stunning In New Photos",
  ],
  "nav-crumb-separated": ["Home › World › Middle East", "Home / News / Iraq", "Home > Business"],
  "share-bar": [
    "Share this",
    "Share this article:",
    "Share on Facebook",
    "Click to share on X (Opens in new window)",
  ],
  "social-buttons": ["Facebook Twitter WhatsApp Email", "Facebook, Twitter, Linkedin"],
  "read-more": [
    "Read more",
    "Read more: Iraq talks resume",
    "Continue reading…",
    "READ MORE »",
    "Continue reading the main story",
  ],
  "media-label": ["Photo", "Video", "PHOTOS"],
  subscribe: ["Subscribe", "Subscribe now!", "Subscribe to our YouTube channel"],
  newsletter: [
    "Sign up for our newsletter",
    "Sign up to our daily newsletter to get the latest",
    "Click here to subscribe to The Paradigm Newsletter",
  ],
  "follow-us": [
    "Follow us on Twitter",
    "Follow us on Google News",
    "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a message on WhatsApp.",
  ],
  "app-promo": [
    "Get the latest news straight to your phone with the VI Consortium app.",
    "Download our app",
  ],
  "cookie-notice": [
    "We use cookies to improve your experience on our website.",
    "This site uses cookies. By continuing to browse you accept our cookie policy.",
    "Accept all cookies",
  ],
  "photo-credit": [
    "Photo: Reuters",
    "Image credit: AFP/Getty Images",
    "(Photo: AP)",
    "(Credit: Clayton Aldern / Grist)",
    "Photograph by Ed Marshall, Redonda Restoration Programme",
    "Credit...Doug Mills/The New York Times",
    "Natalie Naccache | Bloomberg | Getty Images",
    "Sakib Ali/Hindustan Times/Getty Images",
  ],
  "tags-line": ["Tags: Iran, Iraq, militias"],
  copyright: ["© 2024 Example News. All rights reserved.", "All rights reserved."],
  "wire-signoff": ["Reuter", "REUTER"],
  loading: ["Loading...", "Loading"],
};

/** Real sentences that mention the same words and must survive. */
const REAL_SENTENCES = [
  "The advertisement ran on state TV for a week, officials said.",
  "Advertisement revenue fell 4 percent, the company said.",
  "Share prices fell sharply on Monday.",
  "Home prices rose in March, according to the survey.",
  "HomeWorld is a video game, its maker said.",
  "Follow us, the protesters chanted as they marched.",
  "Read more carefully, he urged the committee.",
  "Subscribers complained about the price rise.",
  "Photo: A man walks past a mural in Tehran.",
  "Must-read documents were leaked, the report said.",
  "Copyright law is changing, experts say.",
  "We use cookies, the bakery owner said with a laugh.",
  "Related talks will continue next week.",
  "Loading of the ships resumed on Tuesday.",
  "Tags on the crates showed they came from Basra.",
  "Reuters reported the deal on Monday.",
  "Photos of the site were released on Monday.",
  "Updated figures show the economy grew 3 percent in 2019.",
  "Posted on the wall was a list of 12 names.",
  "Published in 2019, the report found widespread abuse.",
  "Related talks: the ministers will meet again on Friday.",
  "Comments by the minister angered the opposition.",
  "Shares in the company fell 4 percent, according to Reuters.",
  "The photo was taken by a soldier in Basra.",
  "Skip to the end, the lawyer told the witness.",
  "More stories like this emerged over the following weeks.",
  "Filed under pressure, the complaint was withdrawn a day later.",
  "Photographs by the victims' families were shown in court.",
  "Credit: the bank said lending would tighten.",
  "Follow the money, the investigator told reporters.",
  "Get out of the way, he shouted at the app developers.",
];

describe("BOILERPLATE_RULES", () => {
  it("have unique names and a tested example each", () => {
    const names = BOILERPLATE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...names].sort());
  });

  for (const rule of BOILERPLATE_RULES) {
    it(`${rule.name}: removes its examples`, () => {
      for (const line of EXAMPLES[rule.name] ?? []) {
        const cleaned = cleanBoilerplate(`Real paragraph one.\n\n${line}\n\nReal paragraph two.`);
        expect(cleaned.text, line).toBe("Real paragraph one.\n\nReal paragraph two.");
        expect(cleaned.removed.map((r) => r.rule)).toEqual([rule.name]);
      }
    });
  }

  it("never remove a real sentence", () => {
    for (const sentence of REAL_SENTENCES) {
      expect(matchBoilerplateLine(sentence), sentence).toBeNull();
      expect(cleanBoilerplate(sentence).text).toBe(sentence);
    }
  });
});

describe("cleanBoilerplate", () => {
  it("strips inline spot_img debris and keeps the rest of the line", () => {
    expect(cleanBoilerplate("The response would be based on consensus.spot_imgspot_img").text).toBe(
      "The response would be based on consensus.",
    );
  });

  it("leaves no blank-line runs or blank edges where lines were removed", () => {
    const text =
      "Advertisement\n\nFirst.\n\n- Advertisement -\n\nMust Read\n\nSecond.\n\nspot_imgspot_img";
    const cleaned = cleanBoilerplate(text);
    expect(cleaned.text).toBe("First.\n\nSecond.");
    expect(cleaned.removed).toEqual([
      { rule: "advertisement", line: 0, text: "Advertisement" },
      { rule: "advertisement", line: 4, text: "- Advertisement -" },
      { rule: "widget-heading", line: 6, text: "Must Read" },
      { rule: "spot-img", line: 10, text: "spot_imgspot_img" },
    ]);
  });
});

describe("crumbMatchesTitle", () => {
  const crumb =
    "HomeWorldIran commander requests Iraqi armed groups to reduce attacks on U.S.; groups...";

  it("recognises the headline a glued crumb repeats, even truncated", () => {
    const title =
      "Iran commander requests Iraqi armed groups to reduce attacks on U.S.; groups comply.";
    expect(crumbMatchesTitle(crumb, title)).toBe(true);
    expect(
      crumbMatchesTitle(
        "HomeMiddle EastIsrael and Lebanon agree to talks…",
        "Israel and Lebanon agree to talks",
      ),
    ).toBe(true);
  });

  it("rejects an unrelated paragraph", () => {
    expect(
      crumbMatchesTitle(crumb, "Iran Urges Iraqi Militias to Halt Attacks on U.S. Troops"),
    ).toBe(false);
  });
});
