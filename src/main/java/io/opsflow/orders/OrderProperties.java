package io.opsflow.orders;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code opsflow.orders.*}.
 *
 * @param approvalThreshold orders with a total above this need finance approval
 */
@ConfigurationProperties("opsflow.orders")
@Validated
record OrderProperties(@DefaultValue("1000.00") @NotNull @PositiveOrZero BigDecimal approvalThreshold) {}
