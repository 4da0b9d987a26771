// A minimal glob matcher for the `homelab.profiles` setting (`*`, `**`, `?`),
// matched against workspace-relative paths with `/` separators.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const compiled = new Map<string, RegExp>();

export function matchGlob(glob: string, relPath: string): boolean {
  let re = compiled.get(glob);
  if (!re) {
    re = globToRegExp(glob.replace(/^\.\//, ''));
    if (compiled.size > 100) compiled.clear();
    compiled.set(glob, re);
  }
  return re.test(relPath);
}
