CREATE TABLE "community_daily_households" (
	"community_id" text NOT NULL,
	"date" date NOT NULL,
	"households" integer NOT NULL,
	CONSTRAINT "community_daily_households_pkey" PRIMARY KEY("community_id","date")
);
--> statement-breakpoint
CREATE TABLE "community_daily_stats" (
	"community_id" text NOT NULL,
	"date" date NOT NULL,
	"category" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"list_total" bigint NOT NULL,
	"subsidy_total" bigint NOT NULL,
	"payable_total" bigint NOT NULL,
	"delivered" integer NOT NULL,
	CONSTRAINT "community_daily_stats_pkey" PRIMARY KEY("community_id","date","category")
);
--> statement-breakpoint
CREATE TABLE "household_daily_orders" (
	"household_id" uuid NOT NULL,
	"date" date NOT NULL,
	"community_id" text NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "household_daily_orders_pkey" PRIMARY KEY("household_id","date")
);
--> statement-breakpoint
CREATE INDEX "community_daily_households_date_region_idx" ON "community_daily_households" USING btree ("date","community_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "community_daily_stats_date_region_idx" ON "community_daily_stats" USING btree ("date","community_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "community_daily_stats_region_idx" ON "community_daily_stats" USING btree ("community_id" text_pattern_ops);