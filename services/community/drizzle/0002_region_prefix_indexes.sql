DROP INDEX "orders_date_community_idx";--> statement-breakpoint
CREATE INDEX "orders_community_not_cancelled_idx" ON "orders" USING btree ("community_id" text_pattern_ops) WHERE "orders"."status" <> 'CANCELLED';--> statement-breakpoint
CREATE INDEX "orders_date_community_idx" ON "orders" USING btree ("date","community_id" text_pattern_ops);