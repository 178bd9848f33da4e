/** `--exclude` globs: `*` and `?` within a name, `**` across folders; a pattern without "/" matches file names. */

export type ExcludeTest = (path: string) => boolean;

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === "*" && glob.charAt(i + 1) === "*") {
      source += ".*";
      i++;
      if (glob.charAt(i + 1) === "/") i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(glob.includes("/") ? `(?:^|/)${source}$` : `^${source}$`, "i");
}

/** A test for paths to leave out; names are compared case-insensitively. */
export function compileExcludes(globs: readonly string[]): ExcludeTest {
  const patterns = globs
    .filter((g) => g.trim() !== "")
    .map((g) => ({ glob: g, re: globToRegExp(g.trim()) }));
  if (patterns.length === 0) return () => false;
  return (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return patterns.some(({ glob, re }) => re.test(glob.includes("/") ? path : name));
  };
}
