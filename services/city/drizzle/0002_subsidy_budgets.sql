CREATE TABLE "subsidy_budgets" (
	"region_id" text PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"allocated_by" text NOT NULL,
	"allocated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subsidy_budgets_amount" CHECK ("subsidy_budgets"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "subsidy_budgets" ADD CONSTRAINT "subsidy_budgets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;