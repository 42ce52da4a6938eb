package org.reconlab.networks;

import java.util.Locale;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Shape;

/** The check every networks factory makes first: that the problem draws the kind of signal the component works on. */
public final class ProblemShapes {

    private ProblemShapes() {
    }

    /**
     * The problem's signal shape, if it is of kind {@code kind}.
     *
     * @param component how the component names itself in the message, e.g. {@code model 'diagonal-network'}
     * @param expects what it works on, e.g. {@code produces vectors}
     * @throws ConfigException naming the component, what it expects and what the problem draws
     */
    public static Shape require(BuildContext context, Shape.Kind kind, String component, String expects) {
        Shape shape = context.signalShape();
        if (shape.kind() != kind) {
            throw ConfigException.incompatible(String.format(Locale.ROOT, "%s %s, but problem '%s' draws a %s",
                    component, expects, context.problemName(), shape));
        }
        return shape;
    }
}
