<?php
/**
 * The template for displaying pages, with the dealer's chat button.
 *
 * @package Acme
 */

get_header();
$brand = get_post_meta( get_the_ID(), 'brand', true );
?>
<main id="primary" class="site-main">
	<?php while ( have_posts() ) : the_post(); ?>
		<h1><?php the_title(); ?></h1>
		<button onclick="web1on1.api.sendClientMessage('>cs .brand <?php echo esc_js( $brand ); ?>')">
			<?php esc_html_e( 'Chat with a dealer', 'acme' ); ?>
		</button>
	<?php endwhile; ?>
</main>
<script>
	web1on1.api.sendClientMessage('>cs /set @category <?= esc_js( $category ) ?>');
	web1on1.api.sendClientMessage('>cs /sett isLead yes');
</script>
<?php
get_footer();
