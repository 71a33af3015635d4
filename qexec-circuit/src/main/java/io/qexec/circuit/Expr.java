package io.qexec.circuit;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A gate parameter: a number, a named symbolic parameter, or an expression of them.
 *
 * <p>Expressions are immutable trees. {@link #value()} evaluates a constant expression;
 * {@link #bind(Map)} replaces named parameters by numbers and folds what became constant.
 * {@link #toString()} prints OpenQASM syntax that parses back to the same value.
 */
public sealed interface Expr permits Expr.Constant, Expr.Symbol, Expr.Negate, Expr.Binary, Expr.Call {

    /** The constant {@code pi}. */
    Expr PI = new Constant(Math.PI);

    /** A constant. */
    static Expr constant(double value) {
        return new Constant(value);
    }

    /** A named symbolic parameter, such as {@code theta}. */
    static Expr symbol(String name) {
        return new Symbol(name);
    }

    /** The value of this expression, which must hold no unbound parameter. */
    default double value() {
        return evaluate(Map.of());
    }

    /**
     * Evaluates with the given parameter values.
     *
     * @throws UnboundParameterException when a parameter has no value
     */
    double evaluate(Map<String, Double> values);

    /** The names of the symbolic parameters this expression holds, in order of appearance. */
    default Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        collectParameters(names);
        return Collections.unmodifiableSet(names);
    }

    /** Adds this expression's parameter names to {@code names}. */
    void collectParameters(Set<String> names);

    /** Whether this expression holds no symbolic parameter. */
    boolean isConstant();

    /** Replaces symbols by expressions (symbols absent from the map stay), folding constants. */
    Expr substitute(Map<String, Expr> replacements);

    /** Replaces symbols by numbers (symbols absent from the map stay), folding constants. */
    default Expr bind(Map<String, ? extends Number> values) {
        Map<String, Expr> replacements = new java.util.HashMap<>();
        values.forEach((name, value) -> replacements.put(name, constant(value.doubleValue())));
        return substitute(replacements);
    }

    default Expr plus(Expr other) {
        return Binary.of(Operator.ADD, this, other);
    }

    default Expr minus(Expr other) {
        return Binary.of(Operator.SUBTRACT, this, other);
    }

    default Expr times(Expr other) {
        return Binary.of(Operator.MULTIPLY, this, other);
    }

    default Expr dividedBy(Expr other) {
        return Binary.of(Operator.DIVIDE, this, other);
    }

    default Expr dividedBy(double divisor) {
        return dividedBy(constant(divisor));
    }

    default Expr times(double factor) {
        return times(constant(factor));
    }

    default Expr negate() {
        return this instanceof Constant c ? new Constant(-c.value) : new Negate(this);
    }

    /** Binary operators, with OpenQASM spelling and precedence. */
    enum Operator {
        ADD("+", 1), SUBTRACT("-", 1), MULTIPLY("*", 2), DIVIDE("/", 2), POWER("**", 3);

        final String symbol;
        final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case POWER -> Math.pow(a, b);
            };
        }
    }

    /** The functions OpenQASM allows in parameter expressions. */
    enum Function {
        SIN, COS, TAN, EXP, LN, SQRT, ASIN, ACOS, ATAN;

        double apply(double x) {
            return switch (this) {
                case SIN -> Math.sin(x);
                case COS -> Math.cos(x);
                case TAN -> Math.tan(x);
                case EXP -> Math.exp(x);
                case LN -> Math.log(x);
                case SQRT -> Math.sqrt(x);
                case ASIN -> Math.asin(x);
                case ACOS -> Math.acos(x);
                case ATAN -> Math.atan(x);
            };
        }

        /** The OpenQASM name, in lower case. */
        public String qasmName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A number. Prints multiples of pi as such ({@code pi/2}, {@code -3*pi/4}) when exact. */
    record Constant(double value) implements Expr {
        @Override
        public double evaluate(Map<String, Double> values) {
            return value;
        }

        @Override
        public void collectParameters(Set<String> names) {
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public Expr substitute(Map<String, Expr> replacements) {
            return this;
        }

        @Override
        public String toString() {
            if (value == 0) {
                return "0";
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            String sign = value < 0 ? "-" : "";
            double magnitude = Math.abs(value);
            for (int denominator = 1; denominator <= 64; denominator++) {
                for (int numerator = 1; numerator <= 4 * denominator; numerator++) {
                    if (numerator * Math.PI / denominator == magnitude) {
                        String head = numerator == 1 ? "pi" : numerator + "*pi";
                        return sign + (denominator == 1 ? head : head + "/" + denominator);
                    }
                }
            }
            return Double.toString(value);
        }
    }

    /** A named symbolic parameter. */
    record Symbol(String name) implements Expr {
        public Symbol {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a parameter name must not be empty");
            }
        }

        @Override
        public double evaluate(Map<String, Double> values) {
            Double v = values.get(name);
            if (v == null) {
                throw new UnboundParameterException(Set.of(name));
            }
            return v;
        }

        @Override
        public void collectParameters(Set<String> names) {
            names.add(name);
        }

        @Override
        public boolean isConstant() {
            return false;
        }

        @Override
        public Expr substitute(Map<String, Expr> replacements) {
            Expr r = replacements.get(name);
            return r == null ? this : r;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Negate(Expr operand) implements Expr {
        @Override
        public double evaluate(Map<String, Double> values) {
            return -operand.evaluate(values);
        }

        @Override
        public void collectParameters(Set<String> names) {
            operand.collectParameters(names);
        }

        @Override
        public boolean isConstant() {
            return operand.isConstant();
        }

        @Override
        public Expr substitute(Map<String, Expr> replacements) {
            return operand.substitute(replacements).negate();
        }

        @Override
        public String toString() {
            String inner = operand.toString();
            return operand instanceof Binary ? "-(" + inner + ")" : "-" + inner;
        }
    }

    /** A binary operation. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
        static Expr of(Operator operator, Expr left, Expr right) {
            if (left instanceof Constant a && right instanceof Constant b) {
                return new Constant(operator.apply(a.value, b.value));
            }
            return new Binary(operator, left, right);
        }

        @Override
        public double evaluate(Map<String, Double> values) {
            return operator.apply(left.evaluate(values), right.evaluate(values));
        }

        @Override
        public void collectParameters(Set<String> names) {
            left.collectParameters(names);
            right.collectParameters(names);
        }

        @Override
        public boolean isConstant() {
            return left.isConstant() && right.isConstant();
        }

        @Override
        public Expr substitute(Map<String, Expr> replacements) {
            return of(operator, left.substitute(replacements), right.substitute(replacements));
        }

        @Override
        public String toString() {
            return wrap(left, false) + " " + operator.symbol + " " + wrap(right, true);
        }

        private String wrap(Expr side, boolean isRight) {
            String text = side.toString();
            boolean needs = false;
            if (side instanceof Binary b) {
                needs = b.operator.precedence < operator.precedence
                        || (isRight && b.operator.precedence == operator.precedence)
                        || (!isRight && operator == Operator.POWER);
            } else if (side instanceof Negate || (side instanceof Constant && text.startsWith("-"))) {
                needs = operator.precedence > 1 || isRight;
            } else if (side instanceof Constant && text.contains("pi") && text.contains("/")) {
                needs = operator != Operator.ADD && !(operator == Operator.SUBTRACT && !isRight);
            }
            return needs ? "(" + text + ")" : text;
        }
    }

    /** A function call such as {@code sin(theta)}. */
    record Call(Function function, Expr argument) implements Expr {
        static Expr of(Function function, Expr argument) {
            return argument instanceof Constant c ? new Constant(function.apply(c.value)) : new Call(function, argument);
        }

        @Override
        public double evaluate(Map<String, Double> values) {
            return function.apply(argument.evaluate(values));
        }

        @Override
        public void collectParameters(Set<String> names) {
            argument.collectParameters(names);
        }

        @Override
        public boolean isConstant() {
            return argument.isConstant();
        }

        @Override
        public Expr substitute(Map<String, Expr> replacements) {
            return of(function, argument.substitute(replacements));
        }

        @Override
        public String toString() {
            return function.qasmName() + "(" + argument + ")";
        }
    }

    /** Applies a function, folding constants. */
    static Expr call(Function function, Expr argument) {
        return Call.of(function, argument);
    }

    /** Applies a binary operator, folding constants. */
    static Expr binary(Operator operator, Expr left, Expr right) {
        return Binary.of(operator, left, right);
    }
}
