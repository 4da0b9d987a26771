// Hover: a setting's documentation, type, default and effective value along
// defaults → base → profile; an address's owner, network and what runs there;
// a service, container, host or network of the inventory.
import type { Workspace } from '../model/workspace';
import { relativeUri } from '../model/uri';
import { catalogFor, entryDoc } from './catalogView';
import { describeAddress, describeMachine, describeHost, describeNetwork, describeService, fileLine } from './describe';
import { thingAt } from './locate';
import { hoverNixosOption } from './nixosOptions';
import { settingChain } from './settingChain';
import type { HoverResult } from './types';

export function hover(ws: Workspace, uri: string, offset: number): HoverResult | undefined {
  const h = ws.homelabFor(uri);
  const option = h ? hoverNixosOption(ws, h, uri, offset) : undefined;
  if (option) return option;
  const t = thingAt(ws, h, uri, offset);
  if (!t || !h) return undefined;
  let contents: string | undefined;
  switch (t.kind) {
    case 'setting': {
      const e = catalogFor(ws, h)[t.block].get(t.key);
      const parts = [`**${t.key}** · \`${t.block}\``];
      parts.push(e ? entryDoc(e) : '_Not in the settings catalog (lib/defaults.nix, module reads, schemas)._');
      const chain = settingChain(ws, h, uri, t.block, t.key);
      if (chain.length) {
        const [top, ...rest] = chain;
        const where = top.uri === uri ? 'set here' : `set in ${fileLine(ws, h, top.uri, top.keySpan.start)}`;
        const over = rest.length ? `; overrides \`${oneLine(rest[0].valueText)}\` from ${fileLine(ws, h, rest[0].uri, rest[0].keySpan.start)}` : '';
        parts.push(`Effective value: \`${oneLine(top.valueText)}\` — ${where}${over}`);
        if (rest.length > 1) parts.push(chain.map((l) => `- ${fileLine(ws, h, l.uri, l.keySpan.start)}: \`${oneLine(l.valueText)}\``).join('\n'));
      }
      contents = parts.join('\n\n');
      break;
    }
    case 'address':
      contents = describeAddress(h, t.text);
      break;
    case 'service':
      contents = describeService(h, t.name);
      break;
    case 'container':
      contents = describeMachine(h, t.name);
      break;
    case 'host':
      contents = describeHost(h, t.name);
      break;
    case 'network':
      contents = describeNetwork(h, t.name);
      break;
    case 'secret': {
      const text = ws.text(t.file);
      const state = text === undefined ? 'missing' : text.includes('\0') || text.startsWith('\0GITCRYPT') ? 'encrypted (git-crypt); unlock to read it' : 'readable';
      contents = `**${t.name}** from \`${relativeUri(h.root, t.file)}\` — ${state}`;
      break;
    }
    case 'file':
      contents = `\`${relativeUri(h.root, t.target)}\`${ws.docs.exists(t.target) ? '' : ' — missing'}`;
      break;
  }
  return contents ? { contents, span: t.span } : undefined;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
