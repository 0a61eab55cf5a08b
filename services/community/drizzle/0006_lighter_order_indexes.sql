DROP INDEX "orders_community_not_cancelled_idx";--> statement-breakpoint
DROP INDEX "orders_collected_by_idx";--> statement-breakpoint
DROP INDEX "orders_delivered_by_idx";--> statement-breakpoint
CREATE INDEX "orders_collected_by_idx" ON "orders" USING btree ("collected_by") WHERE "orders"."collected_by" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_delivered_by_idx" ON "orders" USING btree ("delivered_by") WHERE "orders"."delivered_by" IS NOT NULL;