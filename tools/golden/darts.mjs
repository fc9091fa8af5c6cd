// A minimal builder of SentencePiece's precompiled charsmap: a darts-clone double-array trie over UTF-8 keys whose
// values are byte offsets into a blob of NUL-terminated replacement strings. Layout of the blob:
//   u32 LE trie size in bytes | trie units (u32 LE each) | replacement strings
// Unit bits: 0-7 label, 8 has-leaf, 9 offset-extension (unused here), 10-30 offset; a leaf unit has bit 31 set and
// holds the value in bits 0-30. A node's children sit at (its position XOR offset) XOR label, its leaf at label 0.

export function buildCharsmap(rules) {
  const encoder = new TextEncoder();
  const strings = [];
  const offsets = new Map();
  let blobLength = 0;
  const root = { children: new Map(), value: undefined };
  for (const [source, target] of rules) {
    if (!offsets.has(target)) {
      offsets.set(target, blobLength);
      const bytes = encoder.encode(target);
      strings.push(bytes, Uint8Array.of(0));
      blobLength += bytes.length + 1;
    }

    let node = root;
    for (const byte of encoder.encode(source)) {
      if (byte === 0) throw new Error('a charsmap key cannot contain NUL');
      if (!node.children.has(byte)) node.children.set(byte, { children: new Map(), value: undefined });
      node = node.children.get(byte);
    }

    node.value = offsets.get(target);
  }

  const units = [];
  const used = new Set([0]);
  const usedBases = new Set();
  const place = (node, position) => {
    const labels = [...node.children.keys()].sort((a, b) => a - b);
    const hasLeaf = node.value !== undefined;
    const all = hasLeaf ? [0, ...labels] : labels;
    if (all.length === 0) return;
    let base = 1;
    while (usedBases.has(base) || all.some((label) => used.has(base ^ label))) base++;
    usedBases.add(base);
    const offset = position ^ base;
    if (offset >= 1 << 21) throw new Error('charsmap too large for this builder');
    units[position] = ((units[position] ?? 0) | (offset << 10) | (hasLeaf ? 1 << 8 : 0)) >>> 0;
    for (const label of all) used.add(base ^ label);
    if (hasLeaf) units[base] = (node.value | 0x80000000) >>> 0;
    for (const label of labels) units[base ^ label] = label;
    for (const label of labels) place(node.children.get(label), base ^ label);
  };
  place(root, 0);

  // Any lookup from any base must stay inside the array: round up to whole blocks of 256 units.
  const length = Math.ceil((Math.max(...usedBases) + 256) / 256) * 256;
  const trie = new Uint8Array(length * 4);
  const view = new DataView(trie.buffer);
  for (let i = 0; i < length; i++) view.setUint32(i * 4, units[i] ?? 0, true);

  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, trie.length, true);
  return Buffer.concat([header, trie, ...strings]);
}
