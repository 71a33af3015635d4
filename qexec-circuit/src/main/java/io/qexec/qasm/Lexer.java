package io.qexec.qasm;

/**
 * Splits OpenQASM text into tokens, one at a time, without regular expressions. The current token is
 * described by the public-in-package fields; {@link #next()} advances. {@link #mark()} and {@link #reset}
 * let the parser re-read a stretch of text (loop bodies and subroutines are re-parsed per use).
 */
final class Lexer {
    final SourceText source;
    private final String text;
    private final int length;

    // Scanning position (the character after the current token).
    private int pos;
    private int line = 1;
    private int lineStart;

    /** The current token. */
    TokenKind kind;
    int start;
    int end;
    int tokenLine;
    int tokenColumn;
    /** Line and column just after the previous token (where a missing ';' belongs). */
    int previousEndLine = 1;
    int previousEndColumn = 1;
    private String cachedText;

    /** A saved position: re-lexing from it yields the same current token again. */
    record Mark(int start, int line, int lineStart, int previousEndLine, int previousEndColumn) {
    }

    Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
        this.length = text.length();
        next();
    }

    Mark mark() {
        return new Mark(start, tokenLine, start - (tokenColumn - 1), previousEndLine, previousEndColumn);
    }

    void reset(Mark mark) {
        pos = mark.start();
        line = mark.line();
        lineStart = mark.lineStart();
        scan();
        previousEndLine = mark.previousEndLine();
        previousEndColumn = mark.previousEndColumn();
    }

    /** The current token's text. Identifiers are shared through a small table, so reading them allocates nothing. */
    String text() {
        String t = cachedText;
        if (t == null) {
            t = kind == TokenKind.IDENTIFIER ? intern(start, end) : text.substring(start, end);
            cachedText = t;
        }
        return t;
    }

    private String[] names = new String[256];
    private int nameCount;

    private String intern(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int mask = names.length - 1;
        int slot = (h ^ h >>> 16) & mask;
        for (;;) {
            String n = names[slot];
            if (n == null) {
                n = text.substring(from, to);
                names[slot] = n;
                if (++nameCount * 2 > names.length) {
                    rehash();
                }
                return n;
            }
            if (n.length() == to - from && text.startsWith(n, from)) {
                return n;
            }
            slot = slot + 1 & mask;
        }
    }

    private void rehash() {
        String[] old = names;
        names = new String[old.length * 2];
        int mask = names.length - 1;
        for (String n : old) {
            if (n != null) {
                int h = n.hashCode();
                int slot = (h ^ h >>> 16) & mask;
                while (names[slot] != null) {
                    slot = slot + 1 & mask;
                }
                names[slot] = n;
            }
        }
    }

    /**
     * The value of the current INTEGER token, or -1 if it does not fit in a long (then read {@link #text()}).
     */
    long integerValue() {
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            if (v > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whether the current token is the identifier (or keyword) {@code word}. */
    boolean is(String word) {
        return kind == TokenKind.IDENTIFIER && end - start == word.length() && text.startsWith(word, start);
    }

    char charAt(int index) {
        return index < length ? text.charAt(index) : '\0';
    }

    QasmException error(String reason) {
        return source.error(tokenLine, tokenColumn, reason);
    }

    /** Advances to the next token. */
    void next() {
        if (kind != null) {
            previousEndLine = tokenLine;
            previousEndColumn = tokenColumn + (end - start);
            if (kind == TokenKind.STRING || kind == TokenKind.EOF) {
                // A string cannot span lines here; the column arithmetic holds.
                previousEndColumn = tokenColumn + (end - start);
            }
        }
        scan();
    }

    private void scan() {
        cachedText = null;
        skipSpaceAndComments();
        start = pos;
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
        if (pos >= length) {
            kind = TokenKind.EOF;
            end = pos;
            return;
        }
        char c = text.charAt(pos);
        if (isIdentifierStart(c)) {
            pos++;
            while (pos < length && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            kind = TokenKind.IDENTIFIER;
        } else if (c >= '0' && c <= '9' || c == '.' && Character.isDigit(charAt(pos + 1))) {
            number();
        } else if (c == '"' || c == '\'') {
            int close = pos + 1;
            while (close < length && text.charAt(close) != c && text.charAt(close) != '\n') {
                close++;
            }
            if (close >= length || text.charAt(close) != c) {
                end = pos;
                kind = TokenKind.STRING;
                throw source.error(tokenLine, tokenColumn, "unterminated string: expected a closing " + c);
            }
            pos = close + 1;
            kind = TokenKind.STRING;
        } else if (c == '$') {
            pos++;
            while (pos < length && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            kind = TokenKind.HARDWARE_QUBIT;
        } else {
            punctuation(c);
        }
        end = pos;
    }

    private void skipSpaceAndComments() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '/' && charAt(pos + 1) == '/') {
                while (pos < length && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && charAt(pos + 1) == '*') {
                int openLine = line;
                int openColumn = pos - lineStart + 1;
                pos += 2;
                while (pos < length && !(text.charAt(pos) == '*' && charAt(pos + 1) == '/')) {
                    if (text.charAt(pos) == '\n') {
                        line++;
                        lineStart = pos + 1;
                    }
                    pos++;
                }
                if (pos >= length) {
                    throw source.error(openLine, openColumn, "unterminated comment: expected '*/'");
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void number() {
        boolean real = false;
        while (pos < length && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < length && text.charAt(pos) == '.') {
            real = true;
            pos++;
            while (pos < length && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        char e = charAt(pos);
        if (e == 'e' || e == 'E') {
            int save = pos;
            pos++;
            if (charAt(pos) == '+' || charAt(pos) == '-') {
                pos++;
            }
            if (Character.isDigit(charAt(pos))) {
                real = true;
                while (pos < length && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        kind = real ? TokenKind.REAL : TokenKind.INTEGER;
        // A unit right after the number makes it a duration (1us, 100ns, 5dt): timing is refused later.
        int unitEnd = pos;
        while (unitEnd < length && isIdentifierPart(text.charAt(unitEnd))) {
            unitEnd++;
        }
        if (unitEnd > pos) {
            String unit = text.substring(pos, unitEnd);
            if (unit.equals("ns") || unit.equals("us") || unit.equals("µs") || unit.equals("ms") || unit.equals("s")
                    || unit.equals("dt")) {
                pos = unitEnd;
                kind = TokenKind.DURATION;
            } else if (kind == TokenKind.INTEGER && unit.equals("im")) {
                pos = unitEnd;
                kind = TokenKind.DURATION; // imaginary literal: refused the same way
            }
        }
    }

    private void punctuation(char c) {
        char d = charAt(pos + 1);
        TokenKind k;
        int width = 1;
        switch (c) {
            case ';' -> k = TokenKind.SEMICOLON;
            case ',' -> k = TokenKind.COMMA;
            case '.' -> k = TokenKind.DOT;
            case ':' -> k = TokenKind.COLON;
            case '(' -> k = TokenKind.LPAREN;
            case ')' -> k = TokenKind.RPAREN;
            case '[' -> k = TokenKind.LBRACKET;
            case ']' -> k = TokenKind.RBRACKET;
            case '{' -> k = TokenKind.LBRACE;
            case '}' -> k = TokenKind.RBRACE;
            case '@' -> k = TokenKind.AT;
            case '#' -> k = TokenKind.HASH;
            case '~' -> k = TokenKind.TILDE;
            case '=' -> {
                k = d == '=' ? TokenKind.EQ : TokenKind.EQUALS;
                width = d == '=' ? 2 : 1;
            }
            case '!' -> {
                k = d == '=' ? TokenKind.NE : TokenKind.BANG;
                width = d == '=' ? 2 : 1;
            }
            case '<' -> {
                if (d == '<') {
                    boolean assign = charAt(pos + 2) == '=';
                    k = assign ? TokenKind.COMPOUND_ASSIGN : TokenKind.SHL;
                    width = assign ? 3 : 2;
                } else {
                    k = d == '=' ? TokenKind.LE : TokenKind.LT;
                    width = d == '=' ? 2 : 1;
                }
            }
            case '>' -> {
                if (d == '>') {
                    boolean assign = charAt(pos + 2) == '=';
                    k = assign ? TokenKind.COMPOUND_ASSIGN : TokenKind.SHR;
                    width = assign ? 3 : 2;
                } else {
                    k = d == '=' ? TokenKind.GE : TokenKind.GT;
                    width = d == '=' ? 2 : 1;
                }
            }
            case '-' -> {
                if (d == '>') {
                    k = TokenKind.ARROW;
                    width = 2;
                } else if (d == '=') {
                    k = TokenKind.COMPOUND_ASSIGN;
                    width = 2;
                } else {
                    k = TokenKind.MINUS;
                }
            }
            case '+' -> {
                if (d == '+') {
                    k = TokenKind.INCREMENT;
                    width = 2;
                } else {
                    k = d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.PLUS;
                    width = d == '=' ? 2 : 1;
                }
            }
            case '*' -> {
                if (d == '*') {
                    boolean assign = charAt(pos + 2) == '=';
                    k = assign ? TokenKind.COMPOUND_ASSIGN : TokenKind.POWER;
                    width = assign ? 3 : 2;
                } else {
                    k = d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.STAR;
                    width = d == '=' ? 2 : 1;
                }
            }
            case '/' -> {
                k = d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.SLASH;
                width = d == '=' ? 2 : 1;
            }
            case '%' -> {
                k = d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.PERCENT;
                width = d == '=' ? 2 : 1;
            }
            case '^' -> {
                k = d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.CARET;
                width = d == '=' ? 2 : 1;
            }
            case '&' -> {
                k = d == '&' ? TokenKind.AND : d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.AMP;
                width = d == '&' || d == '=' ? 2 : 1;
            }
            case '|' -> {
                k = d == '|' ? TokenKind.OR : d == '=' ? TokenKind.COMPOUND_ASSIGN : TokenKind.PIPE;
                width = d == '|' || d == '=' ? 2 : 1;
            }
            default -> {
                end = pos + 1;
                kind = TokenKind.EOF;
                throw source.error(tokenLine, tokenColumn, "unexpected character '" + c + "'");
            }
        }
        kind = k;
        pos += width;
    }

    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c > 127 && Character.isLetter(c);
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
