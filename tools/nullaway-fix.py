# Helps mark another crm-core package @NullMarked (see docs/design-notes.md, "Nullness, checked").
#
#   1. add @NullMarked to the package's package-info.java, as the marked packages have it;
#   2. mvn -B -o compile -pl crm-core -Dproject.build.outputDirectory=/tmp/na > /tmp/na.txt
#   3. python3 tools/nullaway-fix.py /tmp/na.txt        (repeat 2-3 while it adds annotations)
#
# For each NullAway finding "passing @Nullable ... where @NonNull is required" it marks the callee's parameter (or
# record component) @Nullable; for "returning @Nullable" the enclosing method's return type; for "assigning @Nullable
# ... field" the field. It is greedy: a value that is null only until a Validation throws (requireText and friends)
# makes it mark a component that should stay non-null. Read every annotation it adds; where the value is present after
# throwIfInvalid(), revert the annotation and pass Validation.checked(value) instead. Findings it cannot place
# (dereferences, initialisation) are printed for a person to settle.
import re, sys, os, glob, collections
ROOT = sys.argv[2] if len(sys.argv) > 2 else "crm-core/src/main/java"
files = glob.glob(ROOT + '/**/*.java', recursive=True)
cache = {}
def text(f):
    if f not in cache: cache[f] = open(f).read()
    return cache[f]
def offset(s, line, col):
    lines = s.split('\n'); return sum(len(l) + 1 for l in lines[:line-1]) + col - 1
def strip_code(s):
    # blank out strings, chars and comments, keeping offsets
    out = list(s); i = 0; n = len(s)
    while i < n:
        c = s[i]
        if s.startswith('//', i):
            j = s.find('\n', i); j = n if j < 0 else j
            for k in range(i, j): out[k] = ' '
            i = j
        elif s.startswith('/*', i):
            j = s.find('*/', i + 2); j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != '\n': out[k] = ' '
            i = j
        elif s.startswith('"""', i):
            j = s.find('"""', i + 3) + 3
            for k in range(i + 1, j - 1):
                if out[k] != '\n': out[k] = ' '
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and s[j] != c:
                j += 2 if s[j] == '\\' else 1
            for k in range(i + 1, j): out[k] = ' '
            i = j + 1
        else:
            i += 1
    return ''.join(out)
def split_params(body):
    d = 0; parts = []; cur = ''; starts = []; st = 0
    for i, ch in enumerate(body):
        if ch in '<([{': d += 1
        elif ch in '>)]}': d -= 1
        if ch == ',' and d == 0:
            parts.append((st, body[st:i])); st = i + 1
    if body.strip(): parts.append((st, body[st:]))
    return parts
def matching_close(s, open_idx):
    d = 0
    for i in range(open_idx, len(s)):
        if s[i] == '(': d += 1
        elif s[i] == ')':
            d -= 1
            if d == 0: return i
    return -1
def decls(name, arity, kind, hintfile):
    """candidate (file, paren_open_offset) declarations of name with arity"""
    res = []
    pats = []
    if kind == 'ctor':
        pats = [r'\brecord\s+%s\s*(<[^>]*>)?\s*\(' % name, r'(?:public|protected|private|^)\s*%s\s*\(' % name]
    else:
        pats = [r'[\w>\]]\s+%s\s*\(' % name]
    for f in files:
        s = text(f); c = strip_code(s)
        if name not in s: continue
        for p in pats:
            for m in re.finditer(p, c, re.M):
                o = m.end() - 1
                close = matching_close(c, o)
                body = c[o+1:close]
                if kind == 'ctor' and 'record' not in m.group(0):
                    # a constructor: must be followed by { (not a call) and preceded by a modifier or line start
                    after = c[close+1:close+40].lstrip()
                    if not after.startswith('{') and not after.startswith('throws'): continue
                if kind == 'method':
                    after = c[close+1:close+60].lstrip()
                    if not (after.startswith('{') or after.startswith(';') or after.startswith('throws')): continue
                    before = c[max(0, m.start()-30):m.start()+1]
                    if re.search(r'(new|return|=|\.)\s*\w*$', before.strip()) and not re.search(r'[\w>\]]$', before.strip()): continue
                ps = split_params(body)
                if len(ps) == arity or (ps and '...' in ps[-1][1] and arity >= len(ps) - 1):
                    res.append((f, o))
    # prefer the hint file
    same = [r for r in res if r[0] == hintfile]
    return same if same else res
pending = collections.defaultdict(list)   # file -> list of (offset, insertion) to apply
report = []
def annotate_type_at(f, type_start):
    s = text(f)
    # skip annotations and 'final'
    i = type_start
    while True:
        m = re.match(r'\s*(@\w+(\([^)]*\))?|final)\s+', s[i:])
        if not m: break
        if '@Nullable' in m.group(0): return False
        i += m.end()
    m = re.match(r'\s*', s[i:]); i += m.end()
    # qualified type like Map.Entry -> Map.@Nullable Entry
    m = re.match(r'((?:[A-Z]\w*\.)+)(?=[A-Z])', s[i:])
    if m and not re.match(r'(java|dev|com|org)\.', s[i:]):
        i += m.end()
    m = re.match(r'((?:[a-z]\w*\.)+)', s[i:])
    if m:
        i += m.end()
    pending[f].append((i, '@Nullable '))
    return True
def annotate_param(f, paren, idx):
    s = text(f); c = strip_code(s)
    close = matching_close(c, paren)
    ps = split_params(c[paren+1:close])
    if idx >= len(ps): idx = len(ps) - 1
    st, p = ps[idx]
    if '...' in p: return 'varargs'
    return annotate_type_at(f, paren + 1 + st)
for l in open(sys.argv[1]):
    m = re.match(r'\[ERROR\] (/\S+\.java):\[(\d+),(\d+)\] \[NullAway\] (.*)', l)
    if not m: continue
    f, ln, col, msg = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    key = (f, ln, col, msg)
    s = text(f); c = strip_code(s); o = offset(s, ln, col)
    if msg.startswith('passing @Nullable parameter'):
        # find the unmatched '(' before o
        d = 0; i = o - 1; commas = 0
        while i >= 0:
            ch = c[i]
            if ch in ')]}': d += 1
            elif ch in '([{':
                if d == 0: break
                d -= 1
            elif ch == ',' and d == 0: commas += 1
            i -= 1
        if c[i] != '(':
            report.append(('noparen', key)); continue
        close = matching_close(c, i)
        arity = len(split_params(c[i+1:close]))
        head = c[max(0, i-200):i].rstrip()
        mm = re.search(r'(new\s+)?([\w.]+)(<[^()]*>)?$', head)
        if not mm:
            report.append(('nocallee', key)); continue
        name = mm.group(2).split('.')[-1]
        if mm.group(1): kind = 'ctor'
        elif name in ('this',):
            # enclosing class name
            cls = re.findall(r'\b(?:class|record|enum)\s+(\w+)', c[:i])
            name = cls[-1] if cls else None; kind = 'ctor'
        elif name == 'super':
            report.append(('super', key)); continue
        else: kind = 'method'
        if re.match(r'^[A-Z]', name) and kind == 'method' and mm.group(2) == name:
            kind = 'ctor'  # enum constant args: NAME(...) -> enum ctor
            enc = re.findall(r'\benum\s+(\w+)', c[:i]); name = enc[-1] if enc else name
        cands = decls(name, arity, kind, f)
        if len(cands) != 1:
            report.append(('ambiguous %s %s/%d: %d' % (kind, name, arity, len(cands)), key)); continue
        r = annotate_param(cands[0][0], cands[0][1], commas)
        if r is not True and r is not False: report.append((r, key))
    elif msg.startswith('returning @Nullable expression'):
        # the enclosing method: scan back for a declaration at lower indentation
        lines = s.split('\n'); ind = len(lines[ln-1]) - len(lines[ln-1].lstrip())
        found = False
        for k in range(ln - 2, -1, -1):
            L = lines[k]; li = len(L) - len(L.lstrip())
            if li < ind and re.match(r'\s*(@\w+\s+)*((public|private|protected|static|final|abstract|synchronized|default)\s+)*(<[^>]+>\s+)?[\w.<>\[\], ?]+\s+\w+\s*\(', L) and not re.match(r'\s*(return|new|else|if|for|while|switch|case|throw)\b', L) and '=' not in L.split('(')[0] and '->' not in L:
                base = offset(s, k + 1, 1)
                mm = re.match(r'\s*(@\w+\s+)*((public|private|protected|static|final|abstract|synchronized|default)\s+)*(<[^>]+>\s+)?', L)
                annotate_type_at(f, base + mm.end()); found = True; break
            if li < ind - 4 and L.strip(): pass
        if not found: report.append(('noreturn', key))
    elif msg.startswith('assigning @Nullable expression to @NonNull field'):
        line = s.split('\n')[ln-1]
        mm = re.search(r'(?:this\.)?(\w+)\s*=[^=]', line[col-1:] if col > 0 else line)
        name = mm.group(1) if mm else None
        fm = name and re.search(r'^\s*(?:(?:private|public|protected|static|final|volatile)\s+)*([\w.<>\[\], ?]+?)\s+%s\s*(=|;)' % name, c, re.M)
        if not fm: report.append(('nofield', key)); continue
        annotate_type_at(f, fm.start(1))
    else:
        report.append(('manual', key))
changed = 0
for f, ins in pending.items():
    s = text(f)
    for o, t in sorted(set(ins), reverse=True):
        s = s[:o] + t + s[o:]; changed += 1
    if 'import org.jspecify.annotations.Nullable;' not in s:
        lines = s.split('\n')
        idx = [i for i, l in enumerate(lines) if l.startswith('import ') and not l.startswith('import static')]
        line = 'import org.jspecify.annotations.Nullable;'
        if idx:
            ins_at = next((i for i in idx if lines[i] > line), idx[-1] + 1)
        else:
            pk = next(i for i, l in enumerate(lines) if l.startswith('package ')); ins_at = pk + 1; line = '\n' + line
        lines.insert(ins_at, line); s = '\n'.join(lines)
    open(f, 'w').write(s)
print('annotations added', changed, 'files', len(pending))
for r, k in report: print(r, k[0].split('/core/')[-1] + ':' + str(k[1]) + ':' + str(k[2]), k[3][:100])
