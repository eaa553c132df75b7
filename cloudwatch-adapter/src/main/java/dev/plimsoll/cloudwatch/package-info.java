/** CloudWatch adapter: GetMetricData through the AWS SDK v2 and replay of saved AWS CLI responses (see issue #3). */
package dev.plimsoll.cloudwatch;
