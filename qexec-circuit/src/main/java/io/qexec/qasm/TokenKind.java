package io.qexec.qasm;

/** The kinds of OpenQASM tokens. Keywords are identifiers; the parser tells them apart. */
enum TokenKind {
    IDENTIFIER("an identifier"), INTEGER("an integer"), REAL("a number"), STRING("a string"),
    DURATION("a duration"), HARDWARE_QUBIT("a physical qubit"),
    SEMICOLON("';'"), COMMA("','"), DOT("'.'"), COLON("':'"), LPAREN("'('"), RPAREN("')'"), LBRACKET("'['"),
    RBRACKET("']'"), LBRACE("'{'"), RBRACE("'}'"), ARROW("'->'"), AT("'@'"),
    EQUALS("'='"), EQ("'=='"), NE("'!='"), LT("'<'"), LE("'<='"), GT("'>'"), GE("'>='"),
    SHL("'<<'"), SHR("'>>'"), PLUS("'+'"), MINUS("'-'"), STAR("'*'"), POWER("'**'"), SLASH("'/'"), PERCENT("'%'"),
    CARET("'^'"), AMP("'&'"), PIPE("'|'"), AND("'&&'"), OR("'||'"), TILDE("'~'"), BANG("'!'"),
    COMPOUND_ASSIGN("a compound assignment"), INCREMENT("'++'"), HASH("'#'"),
    EOF("the end of the file");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** How messages name this kind, e.g. {@code ';'}. */
    String description() {
        return description;
    }
}
